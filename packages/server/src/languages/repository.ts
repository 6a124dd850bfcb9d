import { type LanguageSources, matchUiLanguage, personLanguage, type UiLanguage } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

type Executor = Kysely<DB> | Transaction<DB>;

/** Who reads in which language: a person's choice, their patient record's language, the organization's default. */
export function languageRepository(db: Kysely<DB>) {
  return {
    async sourcesFor(
      userId: string,
      organizationId: string,
      executor: Executor = db,
    ): Promise<LanguageSources> {
      const row = await executor
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

    /** The language to write to this person in (mail, PDFs), inside the transaction that writes it. */
    async readerLanguage(executor: Executor, userId: string, organizationId: string): Promise<UiLanguage> {
      return personLanguage(await this.sourcesFor(userId, organizationId, executor));
    },

    async setPreference(trx: Transaction<DB>, userId: string, language: UiLanguage | null): Promise<void> {
      await trx
        .updateTable('users')
        .set({ language, updatedAt: sql`now()` })
        .where('id', '=', userId)
        .execute();
    },

    async organizationSetting(organizationId: string, executor: Executor = db) {
      const row = await executor
        .selectFrom('organizations')
        .select(['defaultLanguage', 'version'])
        .where('id', '=', organizationId)
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { defaultLanguage: matchUiLanguage([row.defaultLanguage]), version: row.version };
    },

    /** Sets the organization's language if `version` is still current; undefined when someone changed it first. */
    async setOrganizationDefault(
      trx: Transaction<DB>,
      organizationId: string,
      change: { defaultLanguage: UiLanguage; version: number },
    ) {
      const row = await trx
        .updateTable('organizations')
        .set({
          defaultLanguage: change.defaultLanguage,
          version: sql<number>`version + 1`,
          updatedAt: sql`now()`,
        })
        .where('id', '=', organizationId)
        .where('version', '=', change.version)
        .returning(['defaultLanguage', 'version'])
        .executeTakeFirst();
      return row === undefined
        ? undefined
        : { defaultLanguage: matchUiLanguage([row.defaultLanguage]), version: row.version };
    },
  };
}
export type LanguageRepository = ReturnType<typeof languageRepository>;
