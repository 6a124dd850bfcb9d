import { breakGlassMinutes } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import { loadPatientAccessFacts, type PatientAccessFacts } from '../access/patient-relationship.ts';
import type { DB } from '../db/schema.generated.ts';

/** The only SQL on break-the-glass grants made by staff (their review lives in audit-log/). */
export function breakGlassRepository() {
  return {
    /**
     * What the access policy knows of the caller and the patient (undefined: no such patient in the
     * organization), for mayBreakGlass.
     */
    accessFacts(
      executor: Kysely<DB> | Transaction<DB>,
      organizationId: string,
      userId: string,
      patientId: string,
    ): Promise<PatientAccessFacts | undefined> {
      return loadPatientAccessFacts(executor, organizationId, userId, patientId);
    },

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
