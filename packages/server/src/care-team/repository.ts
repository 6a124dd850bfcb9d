import { type CareTeamRole, careTeamRoles, type StaffRole } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { CareTeamPlace } from './schemas.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** The staff member a place is offered to, as assignment checks them. */
export interface PlaceCandidate {
  id: string;
  displayName: string;
  jobRole: StaffRole;
  active: boolean;
}

function placesQuery(db: Executor, organizationId: string, patientId: string) {
  return db
    .selectFrom('careTeamMembers as ctm')
    .innerJoin('staffMembers as sm', (join) =>
      join.onRef('sm.organizationId', '=', 'ctm.organizationId').onRef('sm.id', '=', 'ctm.staffMemberId'),
    )
    .leftJoin('users as assigner', 'assigner.id', 'ctm.createdByUserId')
    .leftJoin('users as ender', 'ender.id', 'ctm.endedByUserId')
    .select([
      'ctm.id',
      'ctm.patientId',
      'ctm.staffMemberId',
      'sm.displayName as staffName',
      'sm.jobRole as staffJobRole',
      'sm.credentials as staffCredentials',
      'sm.active as staffActive',
      'ctm.role',
      'ctm.startedAt',
      'assigner.name as assignedByName',
      'ctm.assignmentReason',
      'ctm.endedAt',
      'ender.name as endedByName',
      'ctm.changeReason',
      'ctm.version',
    ])
    .where('ctm.organizationId', '=', organizationId)
    .where('ctm.patientId', '=', patientId);
}

type PlaceRow = Awaited<ReturnType<ReturnType<typeof placesQuery>['execute']>>[number];

function toPlace(row: PlaceRow): CareTeamPlace {
  return {
    ...row,
    staffJobRole: row.staffJobRole as StaffRole,
    role: row.role as CareTeamRole,
    startedAt: new Date(row.startedAt).toISOString(),
    endedAt: row.endedAt === null ? null : new Date(row.endedAt).toISOString(),
  };
}

/** The only SQL on care teams. Places are never deleted: they end, which keeps who cared for the patient. */
export function careTeamRepository(db: Kysely<DB>) {
  return {
    db,

    /** Who is on the patient's care team now, longest-serving first: the one query for the current team. */
    async currentTeam(organizationId: string, patientId: string, executor: Executor = db) {
      const rows = await executor
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
      return rows.map((row) => ({ ...row, role: row.role as CareTeamRole }));
    },

    /** Current places first in role order; the history is every place, the latest change first. */
    async team(executor: Executor, organizationId: string, patientId: string) {
      const rows = await placesQuery(executor, organizationId, patientId)
        .orderBy(sql`coalesce(ctm.ended_at, ctm.started_at)`, 'desc')
        .orderBy('ctm.id', 'desc')
        .execute();
      const history = rows.map(toPlace);
      const current = rows
        .filter((row) => row.endedAt === null)
        .sort(
          (a, b) =>
            careTeamRoles.indexOf(a.role as CareTeamRole) - careTeamRoles.indexOf(b.role as CareTeamRole) ||
            new Date(a.startedAt).getTime() - new Date(b.startedAt).getTime(),
        )
        .map(toPlace);
      return { current, history };
    },

    async place(
      executor: Executor,
      organizationId: string,
      patientId: string,
      memberId: string,
    ): Promise<CareTeamPlace | undefined> {
      const row = await placesQuery(executor, organizationId, patientId)
        .where('ctm.id', '=', memberId)
        .executeTakeFirst();
      return row === undefined ? undefined : toPlace(row);
    },

    async staffMember(
      executor: Executor,
      organizationId: string,
      staffMemberId: string,
    ): Promise<PlaceCandidate | undefined> {
      const row = await executor
        .selectFrom('staffMembers')
        .select(['id', 'displayName', 'jobRole', 'active'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .executeTakeFirst();
      return row === undefined ? undefined : { ...row, jobRole: row.jobRole as StaffRole };
    },

    /** Ends the patient's current primary therapist place, if any; returns the ended place's id. */
    async endCurrentPrimaryTherapist(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      endedByUserId: string,
      reason: string | null,
    ): Promise<string | undefined> {
      const row = await trx
        .updateTable('careTeamMembers')
        .set({
          endedAt: sql<Date>`greatest(now(), started_at)`,
          endedByUserId,
          changeReason: reason,
          version: sql<number>`version + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('role', '=', 'primary_therapist')
        .where('endedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },

    async insertPlace(
      trx: Transaction<DB>,
      place: {
        organizationId: string;
        patientId: string;
        staffMemberId: string;
        role: CareTeamRole;
        createdByUserId: string;
        assignmentReason: string | null;
      },
    ): Promise<string> {
      const row = await trx
        .insertInto('careTeamMembers')
        .values(place)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Ends one current place at the given version; undefined means stale, already ended or gone. */
    async endPlace(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      memberId: string,
      change: { version: number; reason: string; endedByUserId: string },
    ): Promise<string | undefined> {
      const row = await trx
        .updateTable('careTeamMembers')
        .set({
          endedAt: sql<Date>`greatest(now(), started_at)`,
          endedByUserId: change.endedByUserId,
          changeReason: change.reason,
          version: sql<number>`version + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('id', '=', memberId)
        .where('version', '=', change.version)
        .where('endedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row?.id;
    },
  };
}

export type CareTeamRepository = ReturnType<typeof careTeamRepository>;
