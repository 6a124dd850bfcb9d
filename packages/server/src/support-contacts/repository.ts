import { type Kysely, sql } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { SupportContact, SupportContactCreate, SupportContactUpdate } from './schemas.ts';

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

/** The only SQL on support contacts. Every write carries its audit event in its own transaction. */
export function supportContactRepository(db: Kysely<DB>) {
  return {
    async list(organizationId: string, patientId: string): Promise<SupportContact[]> {
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
      organizationId: string,
      patientId: string,
      contact: SupportContactCreate,
      audit: WriteAudit,
    ): Promise<SupportContact> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('supportContacts')
          .values({ organizationId, patientId, ...withoutBlanks(contact) })
          .returning(columns)
          .executeTakeFirstOrThrow();
        await appendAuditEvents(trx, organizationId, [
          audit({ resourceType: 'support_contact', resourceId: row.id, fieldsChanged: Object.keys(contact) }),
        ]);
        return row;
      });
    },

    /** Applies the change only at the given version; undefined means stale or gone. */
    async update(
      organizationId: string,
      patientId: string,
      supportContactId: string,
      change: SupportContactUpdate,
      audit: WriteAudit,
    ): Promise<SupportContact | undefined> {
      const { version, ...fields } = change;
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('supportContacts')
          .set({ ...withoutBlanks(fields), version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
          .where('organizationId', '=', organizationId)
          .where('patientId', '=', patientId)
          .where('id', '=', supportContactId)
          .where('version', '=', version)
          .returning(columns)
          .executeTakeFirst();
        if (row === undefined) return undefined;
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'support_contact',
            resourceId: supportContactId,
            fieldsChanged: Object.keys(fields),
          }),
        ]);
        return row;
      });
    },
  };
}

export type SupportContactRepository = ReturnType<typeof supportContactRepository>;
