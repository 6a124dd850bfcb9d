import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { SupportContact, SupportContactCreate, SupportContactUpdate } from './schemas.ts';

type Executor = Kysely<DB> | Transaction<DB>;

const columns = [
  'id',
  'patientId',
  'name',
  'relationship',
  'phone',
  'email',
  'tookPartInAdmission',
  'mayJoinFamilySessions',
  'active',
  sql<boolean>`user_id IS NOT NULL`.as('hasPortalAccount'),
  'version',
] as const;

/** An empty phone or email is no phone or email. */
function withoutBlanks<T extends { phone?: string | null; email?: string | null }>(fields: T): T {
  return {
    ...fields,
    ...(fields.phone === '' ? { phone: null } : {}),
    ...(fields.email === '' ? { email: null } : {}),
  };
}

/** The only SQL on support contacts; writes run in the caller's unit of work. */
export function supportContactRepository() {
  return {
    async list(db: Executor, organizationId: string, patientId: string): Promise<SupportContact[]> {
      return db
        .selectFrom('supportContacts')
        .select(columns)
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .orderBy('active', 'desc')
        .orderBy('name')
        .orderBy('id')
        .execute();
    },

    async find(
      db: Executor,
      organizationId: string,
      patientId: string,
      supportContactId: string,
    ): Promise<SupportContact | undefined> {
      return db
        .selectFrom('supportContacts')
        .select(columns)
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('id', '=', supportContactId)
        .executeTakeFirst();
    },

    async create(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      contact: SupportContactCreate,
    ): Promise<SupportContact> {
      return trx
        .insertInto('supportContacts')
        .values({ organizationId, patientId, ...withoutBlanks(contact) })
        .returning(columns)
        .executeTakeFirstOrThrow();
    },

    /** Applies the change only at the given version; undefined means stale or gone. */
    async update(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      supportContactId: string,
      change: SupportContactUpdate,
    ): Promise<SupportContact | undefined> {
      const { version, ...fields } = change;
      return trx
        .updateTable('supportContacts')
        .set({ ...withoutBlanks(fields), version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('id', '=', supportContactId)
        .where('version', '=', version)
        .returning(columns)
        .executeTakeFirst();
    },
  };
}

export type SupportContactRepository = ReturnType<typeof supportContactRepository>;
