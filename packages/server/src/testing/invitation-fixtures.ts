import { addDays, type DisclosureCategory, type Role, type StaffRole } from '@tandem/core';
import { hashPassword } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/schema.generated.ts';
import { readProgramClock } from '../records/program-clock.ts';
import { programTodayOf } from './consent-fixtures.ts';
import { insertSignedConsent, revokeSignedConsent } from './insert-signed-consent.ts';

/**
 * Rows the invitation tests stand on, written straight to the database: patients, care-team places, support
 * contacts, consents, and a second organization with a signed-in administrator.
 */
let mrnCounter = 0;

export async function insertPatient(
  db: Kysely<DB>,
  organizationId: string,
  person: { given: string; family: string; preferred?: string; email?: string | null },
): Promise<string> {
  mrnCounter += 1;
  const row = await db
    .insertInto('patients')
    .values({
      organizationId,
      mrn: `INV-${process.pid}-${mrnCounter}`,
      legalGivenName: person.given,
      legalFamilyName: person.family,
      preferredName: person.preferred ?? null,
      dateOfBirth: '1990-05-17',
      email:
        person.email === undefined ? `${person.given.toLowerCase()}.${mrnCounter}@example.com` : person.email,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function staffMemberIdOf(
  db: Kysely<DB>,
  organizationId: string,
  email: string,
): Promise<string> {
  const row = await db
    .selectFrom('staffMembers')
    .select('id')
    .where('organizationId', '=', organizationId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function userIdOf(db: Kysely<DB>, email: string): Promise<string> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

export async function addToCareTeam(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  staffMemberId: string,
  role: 'primary_therapist' | 'case_manager' | 'group_facilitator' | 'prescriber' | 'supervisor',
): Promise<void> {
  await db.insertInto('careTeamMembers').values({ organizationId, patientId, staffMemberId, role }).execute();
}

export async function insertSupportContact(
  db: Kysely<DB>,
  organizationId: string,
  patientId: string,
  contact: { name: string; email: string | null; relationship?: string },
): Promise<string> {
  const row = await db
    .insertInto('supportContacts')
    .values({
      organizationId,
      patientId,
      name: contact.name,
      email: contact.email,
      relationship: contact.relationship ?? 'sibling',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * A signed consent naming the support contact; `startsInDays`/`expiresInDays` are relative to today where the
 * organization is (the program clock), as in consent-fixtures.ts.
 */
export async function insertConsent(
  db: Kysely<DB>,
  organizationId: string,
  consent: {
    patientId: string;
    supportContactId: string;
    recipientName: string;
    categories: DisclosureCategory[];
    witnessedByUserId: string;
    startsInDays?: number;
    expiresInDays?: number;
  },
): Promise<string> {
  const today = await programTodayOf(db, organizationId);
  const { consentId } = await insertSignedConsent(db, organizationId, {
    patientId: consent.patientId,
    recipient: {
      kind: 'support_contact',
      supportContactId: consent.supportContactId,
      name: consent.recipientName,
    },
    categories: consent.categories,
    purpose: 'Support the patient in family sessions',
    startsOn: addDays(today, consent.startsInDays ?? -30),
    expiresOn: addDays(today, consent.expiresInDays ?? 180),
    signedName: 'Patient Signature',
    signedAt: (await readProgramClock(db, organizationId)).now,
    witnessedByUserId: consent.witnessedByUserId,
  });
  return consentId;
}

export async function revokeConsent(
  db: Kysely<DB>,
  organizationId: string,
  consentId: string,
  byUserId: string,
): Promise<void> {
  await revokeSignedConsent(db, organizationId, consentId, { byUserId, reason: 'Patient withdrew it' });
}

/** Another organization with one signed-in staff member of `role` (password as given). */
export async function insertOrganizationWithStaff(
  db: Kysely<DB>,
  options: { slug: string; email: string; password: string; role: StaffRole & Role },
): Promise<{ organizationId: string; userId: string; staffMemberId: string }> {
  const organizationId = uuidv7();
  const userId = uuidv7();
  const staffMemberId = uuidv7();
  const passwordHash = await hashPassword(options.password);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('organizations')
      .values({ id: organizationId, name: `Program ${options.slug}`, slug: options.slug })
      .execute();
    await trx
      .insertInto('users')
      .values({ id: userId, name: `Staff of ${options.slug}`, email: options.email, emailVerified: true })
      .execute();
    await trx
      .insertInto('accounts')
      .values({ userId, accountId: userId, providerId: 'credential', password: passwordHash })
      .execute();
    await trx.insertInto('memberships').values({ organizationId, userId, role: options.role }).execute();
    await trx
      .insertInto('staffMembers')
      .values({
        organizationId,
        id: staffMemberId,
        userId,
        displayName: `Staff of ${options.slug}`,
        email: options.email,
        jobRole: options.role,
      })
      .execute();
  });
  return { organizationId, userId, staffMemberId };
}
