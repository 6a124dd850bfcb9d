import {
  type CareTeamRole,
  careTeamRoles,
  type DisclosureCategory,
  disclosureCategories,
  type PatientRelationship,
} from '@tandem/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/** An active consent naming the principal (a support contact) as recipient: what a disclosure is made under. */
export interface ActiveConsent {
  id: string;
  categories: DisclosureCategory[];
  recipientName: string;
  purpose: string;
}

export interface PatientAccessFacts {
  relationship: PatientRelationship;
  /** The consents behind relationship.consentedCategories, for the accounting of disclosures. */
  consents: ActiveConsent[];
}

interface FactsRow {
  isSubject: boolean;
  careTeamRoles: string[];
  supervisesTeamMember: boolean;
  consents: { id: string; categories: string[]; recipientName: string; purpose: string }[];
  breakGlassExpiresAt: Date | null;
}

/**
 * Everything the access policy needs about one principal and one patient, in one round trip: their places on
 * the care team (a supervisor: through a clinician they supervise), whether they are the patient, the consents
 * naming them, and an unexpired break-the-glass grant. Undefined when the organization has no such patient, so
 * that a guessed id of another organization's patient looks exactly like one that does not exist.
 */
export async function loadPatientAccessFacts(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
  patientId: string,
): Promise<PatientAccessFacts | undefined> {
  const { rows } = await sql<FactsRow>`
    SELECT
      p.user_id IS NOT DISTINCT FROM ${userId}::uuid AS is_subject,
      ARRAY(
        SELECT DISTINCT ctm.role FROM care_team_members ctm
        JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
        WHERE ctm.organization_id = p.organization_id AND ctm.patient_id = p.id AND ctm.ended_at IS NULL
          AND sm.user_id = ${userId}::uuid AND sm.active
      ) AS care_team_roles,
      EXISTS (
        SELECT FROM supervisions s
        JOIN staff_members supervisor
          ON supervisor.organization_id = s.organization_id AND supervisor.id = s.supervisor_staff_member_id
        JOIN care_team_members ctm
          ON ctm.organization_id = s.organization_id AND ctm.staff_member_id = s.supervisee_staff_member_id
        WHERE s.organization_id = p.organization_id AND s.ended_at IS NULL AND supervisor.user_id = ${userId}::uuid
          AND supervisor.active AND ctm.patient_id = p.id AND ctm.ended_at IS NULL
      ) AS supervises_team_member,
      coalesce((
        SELECT json_agg(json_build_object('id', c.id, 'categories', c.categories,
          'recipientName', c.recipient_name, 'purpose', c.purpose) ORDER BY c.signed_at)
        FROM consents c
        JOIN support_contacts sc ON sc.organization_id = c.organization_id AND sc.id = c.support_contact_id
        WHERE c.organization_id = p.organization_id AND c.patient_id = p.id AND sc.user_id = ${userId}::uuid
          AND sc.active AND c.revoked_at IS NULL
          AND c.starts_on <= (now() AT TIME ZONE o.time_zone)::date
          AND (c.expires_on IS NULL OR c.expires_on >= (now() AT TIME ZONE o.time_zone)::date)
      ), '[]'::json) AS consents,
      (
        SELECT max(g.expires_at) FROM break_glass_grants g
        WHERE g.organization_id = p.organization_id AND g.patient_id = p.id AND g.user_id = ${userId}::uuid
          AND g.expires_at > now()
      ) AS break_glass_expires_at
    FROM patients p
    JOIN organizations o ON o.id = p.organization_id
    WHERE p.organization_id = ${organizationId}::uuid AND p.id = ${patientId}::uuid
  `.execute(db);
  const row = rows[0];
  if (row === undefined) return undefined;
  const places = row.careTeamRoles.filter((place): place is CareTeamRole =>
    (careTeamRoles as readonly string[]).includes(place),
  );
  if (row.supervisesTeamMember && !places.includes('supervisor')) places.push('supervisor');
  const consents: ActiveConsent[] = row.consents.map((consent) => ({
    ...consent,
    categories: consent.categories.filter((category): category is DisclosureCategory =>
      (disclosureCategories as readonly string[]).includes(category),
    ),
  }));
  return {
    relationship: {
      careTeamRoles: places,
      isSubject: row.isSubject,
      consentedCategories: [...new Set(consents.flatMap((consent) => consent.categories))],
      breakGlassExpiresAt: row.breakGlassExpiresAt === null ? null : new Date(row.breakGlassExpiresAt),
    },
    consents,
  };
}
