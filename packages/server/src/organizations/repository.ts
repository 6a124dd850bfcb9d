import type { Kysely } from 'kysely';
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
  };
}
