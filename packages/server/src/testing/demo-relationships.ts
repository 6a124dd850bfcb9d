import { type DisclosureCategory, noRelationship, type PatientRelationship, type Role } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';

/** Two demo patients: Pat (the demo clinician's, the demo patient, sharing with the demo family member) and Riley. */
export type DemoPatientKey = 'pat' | 'riley';

export async function findDemoPatients(
  db: Kysely<DB>,
  organizationId: string,
): Promise<Record<DemoPatientKey, string>> {
  const find = async (given: string, family: string) =>
    (
      await db
        .selectFrom('patients')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('legalGivenName', '=', given)
        .where('legalFamilyName', '=', family)
        .executeTakeFirstOrThrow()
    ).id;
  return { pat: await find('Pat', 'Example'), riley: await find('Riley', 'Thompson') };
}

/** What the demo seed's consents naming the demo family member open on Pat's record, read from the table. */
export async function demoFamilyCategories(db: Kysely<DB>, patId: string): Promise<DisclosureCategory[]> {
  const consents = await db
    .selectFrom('consents as c')
    .innerJoin('supportContacts as sc', (join) =>
      join.onRef('sc.organizationId', '=', 'c.organizationId').onRef('sc.id', '=', 'c.supportContactId'),
    )
    .innerJoin('users as u', 'u.id', 'sc.userId')
    .select('c.categories')
    .where('c.patientId', '=', patId)
    .where('u.email', '=', demoAccountFor('family_member').email)
    .where('c.revokedAt', 'is', null)
    .execute();
  return [...new Set(consents.flatMap((row) => row.categories))] as DisclosureCategory[];
}

/** The relationship of each demo account to each demo patient, as the seed sets it up (before any grant). */
export function demoRelationshipOf(
  role: Role,
  patient: DemoPatientKey,
  familyCategories: readonly DisclosureCategory[],
): PatientRelationship {
  if (patient === 'riley') return noRelationship;
  switch (role) {
    case 'clinician':
      return { ...noRelationship, careTeamRoles: ['primary_therapist'] };
    case 'prescriber':
      return { ...noRelationship, careTeamRoles: ['prescriber'] };
    case 'supervisor':
      // Supervises the demo clinician, the primary therapist.
      return { ...noRelationship, careTeamRoles: ['supervisor'] };
    case 'patient':
      return { ...noRelationship, isSubject: true };
    case 'family_member':
      return { ...noRelationship, consentedCategories: [...familyCategories] };
    default:
      return noRelationship;
  }
}
