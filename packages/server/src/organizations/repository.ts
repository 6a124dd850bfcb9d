import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

export function organizationRepository(db: Kysely<DB>) {
  return {
    async findById(organizationId: string) {
      return db
        .selectFrom('organizations')
        .select(['id', 'name', 'slug', 'isDemo', 'timeZone'])
        .where('id', '=', organizationId)
        .executeTakeFirst();
    },

    /** Whether invitations to patients and loved ones may name the program, with the row's version. */
    async mailWording(organizationId: string) {
      const row = await db
        .selectFrom('organizations')
        .select(['mailNamesProgram', 'version'])
        .where('id', '=', organizationId)
        .executeTakeFirst();
      return row === undefined ? undefined : { namesProgram: row.mailNamesProgram, version: row.version };
    },

    /** Sets it if `version` is still current; undefined when someone changed the organization first. */
    async setMailWording(
      trx: Transaction<DB>,
      organizationId: string,
      change: { namesProgram: boolean; version: number },
    ) {
      const row = await trx
        .updateTable('organizations')
        .set({
          mailNamesProgram: change.namesProgram,
          version: sql<number>`version + 1`,
          updatedAt: sql`now()`,
        })
        .where('id', '=', organizationId)
        .where('version', '=', change.version)
        .returning(['mailNamesProgram', 'version'])
        .executeTakeFirst();
      return row === undefined ? undefined : { namesProgram: row.mailNamesProgram, version: row.version };
    },
  };
}
