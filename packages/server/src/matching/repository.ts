import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/** The only SQL of therapist matching: what it knows of the patient, and every candidate with their caseload. */
export function matchingRepository(db: Kysely<DB>) {
  return {
    /** The patient's stated preferences, whether a loved one may join family sessions, and the program default. */
    async patient(organizationId: string, patientId: string) {
      return db
        .selectFrom('patients as p')
        .innerJoin('organizations as o', 'o.id', 'p.organizationId')
        .select([
          'p.preferredLanguage',
          'p.preferredTherapistGender',
          'o.defaultMaxCaseload',
          sql<boolean>`EXISTS (
            SELECT FROM support_contacts sc
            WHERE sc.organization_id = p.organization_id AND sc.patient_id = p.id
              AND sc.active AND sc.may_join_family_sessions)`.as('familySessions'),
        ])
        .where('p.organizationId', '=', organizationId)
        .where('p.id', '=', patientId)
        .executeTakeFirst();
    },

    /** The active episode, else the latest one; with its substances (primary first). */
    async referenceEpisode(organizationId: string, patientId: string) {
      const episode = await db
        .selectFrom('episodesOfCare')
        .select([
          'id',
          'status',
          sql<string>`to_char(admitted_on, 'YYYY-MM-DD')`.as('admittedOn'),
          'coOccurringConditions',
        ])
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .orderBy(sql`status = 'active'`, 'desc')
        .orderBy('admittedOn', 'desc')
        .orderBy('createdAt', 'desc')
        .limit(1)
        .executeTakeFirst();
      if (episode === undefined) return undefined;
      const substances = await db
        .selectFrom('episodeSubstances')
        .select(['substanceClass', 'isPrimary'])
        .where('organizationId', '=', organizationId)
        .where('episodeId', '=', episode.id)
        .orderBy('isPrimary', 'desc')
        .orderBy('position')
        .execute();
      return { ...episode, substances };
    },

    /**
     * Primary therapists of earlier care, most recent first: with an active episode, places that began before
     * its admission (in the program's time zone); after a discharge, every place (a readmission looks back at
     * all of them); before any episode, only places that ended (the current therapist is not an earlier one).
     */
    async earlierPrimaryTherapists(
      organizationId: string,
      patientId: string,
      measureFrom: { admittedOn: string } | 'all' | 'ended',
    ): Promise<{ staffMemberId: string; displayName: string }[]> {
      const admittedOn = typeof measureFrom === 'object' ? measureFrom.admittedOn : null;
      const endedOnly = measureFrom === 'ended';
      const { rows } = await sql<{ staffMemberId: string; displayName: string }>`
        SELECT ctm.staff_member_id, sm.display_name
        FROM care_team_members ctm
        JOIN organizations o ON o.id = ctm.organization_id
        JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
        WHERE ctm.organization_id = ${organizationId}::uuid AND ctm.patient_id = ${patientId}::uuid
          AND ctm.role = 'primary_therapist' AND sm.active
          AND (${admittedOn}::date IS NULL OR (ctm.started_at AT TIME ZONE o.time_zone)::date < ${admittedOn}::date)
          AND (NOT ${endedOnly}::boolean OR ctm.ended_at IS NOT NULL)
        GROUP BY ctm.staff_member_id, sm.display_name
        ORDER BY max(coalesce(ctm.ended_at, now())) DESC, ctm.staff_member_id`.execute(db);
      return rows;
    },

    async currentPrimaryTherapist(organizationId: string, patientId: string) {
      return db
        .selectFrom('careTeamMembers as ctm')
        .innerJoin('staffMembers as sm', (join) =>
          join.onRef('sm.organizationId', '=', 'ctm.organizationId').onRef('sm.id', '=', 'ctm.staffMemberId'),
        )
        .select(['ctm.id as memberId', 'ctm.staffMemberId', 'sm.displayName as staffName'])
        .where('ctm.organizationId', '=', organizationId)
        .where('ctm.patientId', '=', patientId)
        .where('ctm.role', '=', 'primary_therapist')
        .where('ctm.endedAt', 'is', null)
        .executeTakeFirst();
    },

    /**
     * Every active clinician and supervisor with what matching weighs, and their current caseload (current
     * primary therapist places), counted in this one query.
     */
    async candidates(organizationId: string) {
      return db
        .selectFrom('staffMembers as sm')
        .leftJoin(
          (eb) =>
            eb
              .selectFrom('careTeamMembers')
              .select(['staffMemberId', sql<string>`count(*)`.as('caseload')])
              .where('organizationId', '=', organizationId)
              .where('role', '=', 'primary_therapist')
              .where('endedAt', 'is', null)
              .groupBy('staffMemberId')
              .as('load'),
          (join) => join.onRef('load.staffMemberId', '=', 'sm.id'),
        )
        .select([
          'sm.id',
          'sm.displayName',
          'sm.jobRole',
          'sm.credentials',
          'sm.approaches',
          'sm.yearsAddictionExperience',
          // As text: the CamelCasePlugin would rename the substance keys inside the jsonb (other_stimulants).
          sql<string>`sm.substance_experience::text`.as('substanceExperience'),
          'sm.conditionExperience',
          'sm.languages',
          'sm.gender',
          'sm.acceptsNewPatients',
          'sm.maxCaseload',
          'sm.active',
          sql<string>`coalesce(load.caseload, 0)`.as('currentCaseload'),
        ])
        .where('sm.organizationId', '=', organizationId)
        .where('sm.active', '=', true)
        .where('sm.jobRole', 'in', ['clinician', 'supervisor'])
        .orderBy('sm.id')
        .execute();
    },

    async caseloadSetting(organizationId: string) {
      return db
        .selectFrom('organizations')
        .select(['defaultMaxCaseload', 'version'])
        .where('id', '=', organizationId)
        .executeTakeFirst();
    },

    /** Changes the default if nobody changed the organization since `version`; undefined means stale. */
    async updateCaseloadSetting(
      trx: Transaction<DB>,
      organizationId: string,
      change: { defaultMaxCaseload: number; version: number },
    ) {
      return trx
        .updateTable('organizations')
        .set({
          defaultMaxCaseload: change.defaultMaxCaseload,
          version: sql<number>`version + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('id', '=', organizationId)
        .where('version', '=', change.version)
        .returning(['defaultMaxCaseload', 'version'])
        .executeTakeFirst();
    },
  };
}

export type MatchingRepository = ReturnType<typeof matchingRepository>;
