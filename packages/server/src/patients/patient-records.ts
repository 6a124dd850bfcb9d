import type { PatientListScope } from '@tandem/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { PatientSummary } from './schemas.ts';

/** Reading patient records as a signed-in user sees them. */
export function patientRecords(db: Kysely<DB>) {
  return {
    /**
     * The patients the caller may list, filtered in SQL by the policy's scope (never fetched and then dropped),
     * the caller's caseload first, then by family and given name.
     */
    async list(options: {
      organizationId: string;
      userId: string;
      scope: PatientListScope;
      search: string | undefined;
      limit: number;
    }): Promise<PatientSummary[]> {
      const { organizationId, userId, scope, search, limit } = options;
      const onMyCareTeam = sql<boolean>`EXISTS (
        SELECT FROM care_team_members ctm
        JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
        WHERE ctm.organization_id = patients.organization_id AND ctm.patient_id = patients.id
          AND ctm.ended_at IS NULL AND sm.user_id = ${userId}::uuid)`;
      let query = db
        .selectFrom('patients')
        .select([
          'id',
          'mrn',
          'legalGivenName',
          'legalFamilyName',
          'preferredName',
          sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth'),
          'status',
          onMyCareTeam.as('onMyCareTeam'),
        ])
        .where('organizationId', '=', organizationId);
      if (scope === 'self') query = query.where('userId', '=', userId);
      if (scope === 'consenting') {
        query = query.where(({ exists, selectFrom }) =>
          exists(
            selectFrom('consents as c')
              .innerJoin('supportContacts as sc', (join) =>
                join
                  .onRef('sc.organizationId', '=', 'c.organizationId')
                  .onRef('sc.id', '=', 'c.supportContactId'),
              )
              .innerJoin('organizations as o', 'o.id', 'c.organizationId')
              .whereRef('c.organizationId', '=', 'patients.organizationId')
              .whereRef('c.patientId', '=', 'patients.id')
              .where('sc.userId', '=', userId)
              .where('sc.active', '=', true)
              .where('c.revokedAt', 'is', null)
              .where(sql<boolean>`c.starts_on <= (now() AT TIME ZONE o.time_zone)::date`)
              .where(
                sql<boolean>`(c.expires_on IS NULL OR c.expires_on >= (now() AT TIME ZONE o.time_zone)::date)`,
              )
              .select(sql`1`.as('one')),
          ),
        );
      }
      if (search !== undefined && search !== '') {
        const words = search.toLowerCase();
        query = query.where((eb) =>
          eb.or([
            eb('mrn', '=', search.toUpperCase()),
            sql<boolean>`search_name LIKE '%' || immutable_unaccent(${words}) || '%'`,
          ]),
        );
      }
      const rows = await query
        .orderBy(onMyCareTeam, 'desc')
        .orderBy('legalFamilyName')
        .orderBy('legalGivenName')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...row, status: row.status as PatientSummary['status'] }));
    },

    async find(organizationId: string, patientId: string) {
      const patient = await db
        .selectFrom('patients')
        .select([
          'id',
          'mrn',
          'legalGivenName',
          'legalFamilyName',
          'preferredName',
          'pronouns',
          sql<string>`to_char(date_of_birth, 'YYYY-MM-DD')`.as('dateOfBirth'),
          'sexAssignedAtBirth',
          'genderIdentity',
          'preferredLanguage',
          'email',
          'phone',
          'status',
          'version',
        ])
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .executeTakeFirst();
      if (patient === undefined) return undefined;
      const careTeam = await db
        .selectFrom('careTeamMembers as ctm')
        .innerJoin('staffMembers as sm', (join) =>
          join.onRef('sm.organizationId', '=', 'ctm.organizationId').onRef('sm.id', '=', 'ctm.staffMemberId'),
        )
        .select(['ctm.staffMemberId', 'sm.displayName', 'ctm.role', 'ctm.startedAt'])
        .where('ctm.organizationId', '=', organizationId)
        .where('ctm.patientId', '=', patientId)
        .where('ctm.endedAt', 'is', null)
        .orderBy('ctm.startedAt')
        .execute();
      return { patient, careTeam };
    },
  };
}

export type PatientRecords = ReturnType<typeof patientRecords>;
