import {
  type CareTeamRole,
  careTeamRoles,
  type DisclosureCategory,
  disclosureCategories,
  type PatientRelationship,
} from '@tandem/core';
import { type Kysely, type RawBuilder, sql } from 'kysely';
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

/** The facts about one patient `p`, as SQL returns them (patientAccessFactsColumns). */
export interface PatientAccessFactsRow {
  isSubject: boolean;
  careTeamRoles: string[];
  supervisesTeamMember: boolean;
  consents: { id: string; categories: string[]; recipientName: string; purpose: string }[];
  breakGlassExpiresAt: Date | string | null;
}

// The relationships of a user to patients of an organization, each a FROM ... WHERE clause whose rows name the
// patient (ctm, ctm, c, g .patient_id): one record's facts and the list's facts narrow them to the patient `p`,
// the list's filters take the set of patients at once, so that all of them ask about the same relationships.
type Fragment = RawBuilder<unknown>;
const ofPatient = sql`p.organization_id`;
const careTeamPlaces = (organization: Fragment, userId: string) => sql`
  FROM care_team_members ctm
  JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
  WHERE ctm.organization_id = ${organization} AND ctm.ended_at IS NULL
    AND sm.user_id = ${userId}::uuid AND sm.active`;
const supervisedTeamMembers = (organization: Fragment, userId: string) => sql`
  FROM supervisions s
  JOIN staff_members supervisor
    ON supervisor.organization_id = s.organization_id AND supervisor.id = s.supervisor_staff_member_id
  JOIN care_team_members ctm
    ON ctm.organization_id = s.organization_id AND ctm.staff_member_id = s.supervisee_staff_member_id
  WHERE s.organization_id = ${organization} AND s.ended_at IS NULL AND supervisor.user_id = ${userId}::uuid
    AND supervisor.active AND ctm.ended_at IS NULL`;
const consentsInEffect = (organization: Fragment, userId: string) => sql`
  FROM consents c
  JOIN support_contacts sc ON sc.organization_id = c.organization_id AND sc.id = c.support_contact_id
  JOIN organizations co ON co.id = c.organization_id
  WHERE c.organization_id = ${organization} AND sc.user_id = ${userId}::uuid
    AND sc.active AND c.revoked_at IS NULL
    AND c.starts_on <= (now() AT TIME ZONE co.time_zone)::date
    AND (c.expires_on IS NULL OR c.expires_on >= (now() AT TIME ZONE co.time_zone)::date)`;
const unexpiredBreakGlassGrants = (organization: Fragment, userId: string) => sql`
  FROM break_glass_grants g
  WHERE g.organization_id = ${organization} AND g.user_id = ${userId}::uuid AND g.expires_at > now()`;

/**
 * The select list of everything the access policy needs about the principal and the patient `p`: their places on
 * the care team (a supervisor: through a clinician they supervise), whether they are the patient, the consents
 * in effect naming them, and an unexpired break-the-glass grant.
 */
export function patientAccessFactsColumns(userId: string): RawBuilder<unknown> {
  return sql`
    p.user_id IS NOT DISTINCT FROM ${userId}::uuid AS is_subject,
    ARRAY(SELECT DISTINCT ctm.role ${careTeamPlaces(ofPatient, userId)} AND ctm.patient_id = p.id)
      AS care_team_roles,
    EXISTS (SELECT ${supervisedTeamMembers(ofPatient, userId)} AND ctm.patient_id = p.id) AS supervises_team_member,
    coalesce((
      SELECT json_agg(json_build_object('id', c.id, 'categories', c.categories,
        'recipientName', c.recipient_name, 'purpose', c.purpose) ORDER BY c.signed_at)
      ${consentsInEffect(ofPatient, userId)} AND c.patient_id = p.id
    ), '[]'::json) AS consents,
    (SELECT max(g.expires_at) ${unexpiredBreakGlassGrants(ofPatient, userId)} AND g.patient_id = p.id)
      AS break_glass_expires_at`;
}

/** A consent of the patient `p` in effect today (in the program's time zone) names the user as recipient. */
export function consentInEffectNaming(userId: string): RawBuilder<boolean> {
  return sql<boolean>`EXISTS (SELECT ${consentsInEffect(ofPatient, userId)} AND c.patient_id = p.id)`;
}

/**
 * The user relates to the patient `p` at all (being the patient, care team, supervision of a team member, a
 * consent in effect naming them, an unexpired break-the-glass grant): where a list filter on a part of the
 * record that only such a relationship opens may look. The related patients are one set, gathered once per
 * statement (a caseload is small), not a lookup per patient of the program.
 */
export function relatedToPatient(organizationId: string, userId: string): RawBuilder<boolean> {
  const organization = sql`${organizationId}::uuid`;
  return sql<boolean>`(p.user_id IS NOT DISTINCT FROM ${userId}::uuid OR p.id IN (
    SELECT ctm.patient_id ${careTeamPlaces(organization, userId)}
    UNION SELECT ctm.patient_id ${supervisedTeamMembers(organization, userId)}
    UNION SELECT c.patient_id ${consentsInEffect(organization, userId)}
    UNION SELECT g.patient_id ${unexpiredBreakGlassGrants(organization, userId)}))`;
}

/**
 * The patients on whose care team the user has a place (a supervisor: through a team member they supervise), as
 * a subquery of patient ids: the `care_team` scope of decidePatientList.
 */
export function careTeamPatientIds(organizationId: string, userId: string): RawBuilder<unknown> {
  const organization = sql`${organizationId}::uuid`;
  return sql`SELECT ctm.patient_id ${careTeamPlaces(organization, userId)}
    UNION SELECT ctm.patient_id ${supervisedTeamMembers(organization, userId)}`;
}

/**
 * Everything the access policy needs about one principal and one patient, in one round trip. Undefined when the
 * organization has no such patient, so that a guessed id of another organization's patient looks exactly like
 * one that does not exist.
 */
export async function loadPatientAccessFacts(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
  patientId: string,
): Promise<PatientAccessFacts | undefined> {
  const { rows } = await sql<PatientAccessFactsRow>`
    SELECT ${patientAccessFactsColumns(userId)}
    FROM patients p
    WHERE p.organization_id = ${organizationId}::uuid AND p.id = ${patientId}::uuid
  `.execute(db);
  const row = rows[0];
  return row === undefined ? undefined : toPatientAccessFacts(row);
}

/**
 * The same facts for several patients at once (the attendees of a group session), in one round trip: each
 * patient's own relationship to the principal. Patients the organization does not have are absent from the map.
 */
export async function loadPatientsAccessFacts(
  db: Kysely<DB>,
  organizationId: string,
  userId: string,
  patientIds: readonly string[],
): Promise<Map<string, PatientAccessFacts>> {
  if (patientIds.length === 0) return new Map();
  const { rows } = await sql<PatientAccessFactsRow & { patientId: string }>`
    SELECT p.id AS patient_id, ${patientAccessFactsColumns(userId)}
    FROM patients p
    WHERE p.organization_id = ${organizationId}::uuid AND p.id = ANY(${[...patientIds]}::uuid[])
  `.execute(db);
  return new Map(rows.map((row) => [row.patientId, toPatientAccessFacts(row)]));
}

export function toPatientAccessFacts(row: PatientAccessFactsRow): PatientAccessFacts {
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
