import { breakGlassMinutes } from '@tandem/core';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/** The only SQL on break-the-glass grants made by staff (their review lives in audit-log/). */
export function breakGlassRepository() {
  return {
    /** A grant that lasts breakGlassMinutes from the database's now. */
    async insertGrant(
      trx: Transaction<DB>,
      grant: { organizationId: string; patientId: string; userId: string; reason: string },
    ): Promise<{ id: string; expiresAt: Date }> {
      return trx
        .insertInto('breakGlassGrants')
        .values({ ...grant, expiresAt: sql<Date>`now() + make_interval(mins => ${breakGlassMinutes})` })
        .returning(['id', 'expiresAt'])
        .executeTakeFirstOrThrow();
    },
  };
}

export type BreakGlassRepository = ReturnType<typeof breakGlassRepository>;
