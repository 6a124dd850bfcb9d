import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

type Executor = Kysely<DB> | Transaction<DB>;

function shiftsQuery(executor: Executor, organizationId: string) {
  return executor
    .selectFrom('onDutyShifts as d')
    .innerJoin('staffMembers as sm', (join) =>
      join.onRef('sm.organizationId', '=', 'd.organizationId').onRef('sm.id', '=', 'd.staffMemberId'),
    )
    .leftJoin('users as ender', 'ender.id', 'd.endedByUserId')
    .select([
      'd.id',
      'd.staffMemberId',
      'sm.displayName as staffName',
      'd.duty',
      'd.startsAt',
      sql<Date>`least(d.ends_at, greatest(d.starts_at, coalesce(d.ended_at, d.ends_at)))`.as('endsAt'),
      'd.endedAt',
      'ender.name as endedByName',
      sql<boolean>`d.on_duty @> now()`.as('onDutyNow'),
      'd.version',
    ])
    .where('d.organizationId', '=', organizationId);
}

export type OnDutyShiftRow = Awaited<ReturnType<ReturnType<typeof shiftsQuery>['execute']>>[number];

/** The only SQL on the on-duty roster. Shifts are ended, never deleted or moved (migration 0018's trigger). */
export function onDutyRepository() {
  return {
    /** Shifts on duty now or still to come, soonest first. */
    current(executor: Executor, organizationId: string): Promise<OnDutyShiftRow[]> {
      return shiftsQuery(executor, organizationId)
        .where(sql<boolean>`upper(d.on_duty) > now()`)
        .orderBy('d.startsAt')
        .orderBy('d.id')
        .limit(200)
        .execute();
    },

    find(executor: Executor, organizationId: string, shiftId: string): Promise<OnDutyShiftRow | undefined> {
      return shiftsQuery(executor, organizationId).where('d.id', '=', shiftId).executeTakeFirst();
    },

    /** Who the shift would be for: their job role and whether they still work here. */
    staffMember(executor: Executor, organizationId: string, staffMemberId: string) {
      return executor
        .selectFrom('staffMembers')
        .select(['jobRole', 'active'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .executeTakeFirst();
    },

    async insert(
      trx: Transaction<DB>,
      shift: {
        organizationId: string;
        staffMemberId: string;
        duty: string;
        startsAt: Date;
        endsAt: Date;
        createdByUserId: string;
      },
    ): Promise<string> {
      const row = await trx
        .insertInto('onDutyShifts')
        .values(shift)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Ends the shift now (called off, if it had not started), if `version` is still current and it is open. */
    async end(
      trx: Transaction<DB>,
      organizationId: string,
      shiftId: string,
      version: number,
      userId: string,
    ): Promise<boolean> {
      const row = await trx
        .updateTable('onDutyShifts')
        .set({ endedAt: sql<Date>`now()`, endedByUserId: userId, version: sql<number>`version + 1` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', shiftId)
        .where('version', '=', version)
        .where('endedAt', 'is', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type OnDutyRepository = ReturnType<typeof onDutyRepository>;
