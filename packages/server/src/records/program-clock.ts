import type { ProgramClock } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/**
 * The one place the program clock is read: the database's now (so that every process and the database agree)
 * and the organization's IANA time zone. A unit of work reads it once, inside its transaction, and every "today",
 * due date and time limit of that change follows from it (packages/core/src/time).
 */
export async function readProgramClock(
  executor: Kysely<DB> | Transaction<DB>,
  organizationId: string,
): Promise<ProgramClock> {
  const row = await executor
    .selectFrom('organizations')
    .select([sql<Date>`now()`.as('now'), 'timeZone'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
  return { now: new Date(row.now), timeZone: row.timeZone };
}
