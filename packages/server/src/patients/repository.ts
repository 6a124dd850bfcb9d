import type { Insertable, Kysely } from 'kysely';
import type { DB, Patients } from '../db/schema.generated.ts';

export type NewPatient = Insertable<Patients>;

export function patientRepository(db: Kysely<DB>) {
  return {
    /**
     * Reserves `count` consecutive medical record numbers of the organization and returns the first. The
     * upsert holds the counter's row lock until its transaction ends, so concurrent callers never overlap.
     */
    async allocateMrnValues(organizationId: string, count: number): Promise<number> {
      const row = await db
        .insertInto('mrnSequences')
        .values({ organizationId, nextValue: 1 + count })
        .onConflict((conflict) =>
          conflict.column('organizationId').doUpdateSet((eb) => ({
            nextValue: eb('mrnSequences.nextValue', '+', count),
            updatedAt: eb.fn('now'),
          })),
        )
        .returning('nextValue')
        .executeTakeFirstOrThrow();
      return row.nextValue - count;
    },

    async insertMany(patients: NewPatient[]): Promise<void> {
      if (patients.length === 0) return;
      await db.insertInto('patients').values(patients).execute();
    },

    async countByOrganization(organizationId: string): Promise<number> {
      const row = await db
        .selectFrom('patients')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('organizationId', '=', organizationId)
        .executeTakeFirstOrThrow();
      return Number(row.count);
    },
  };
}
