import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/** The languages that decide what a person reads: their own choice, their patient record's, the program's. */
export interface LanguageSources {
  preference: string | null;
  /** Set when the person is a patient of the organization: the preferred language on their record. */
  patientLanguage: string | null;
  organizationDefault: string;
}

export function meRepository(db: Kysely<DB>) {
  return {
    async languageSources(userId: string, organizationId: string): Promise<LanguageSources> {
      const row = await db
        .selectFrom('organizations')
        .leftJoin('users', (join) => join.on('users.id', '=', userId))
        .leftJoin('patients', (join) =>
          join.onRef('patients.organizationId', '=', 'organizations.id').on('patients.userId', '=', userId),
        )
        .select([
          'users.language as preference',
          'patients.preferredLanguage as patientLanguage',
          'organizations.defaultLanguage as organizationDefault',
        ])
        .where('organizations.id', '=', organizationId)
        .executeTakeFirst();
      return {
        preference: row?.preference ?? null,
        patientLanguage: row?.patientLanguage ?? null,
        organizationDefault: row?.organizationDefault ?? 'en',
      };
    },

    async setLanguage(trx: Transaction<DB>, userId: string, language: string | null): Promise<void> {
      await trx
        .updateTable('users')
        .set({ language, updatedAt: sql`now()` })
        .where('id', '=', userId)
        .execute();
    },
  };
}
export type MeRepository = ReturnType<typeof meRepository>;
