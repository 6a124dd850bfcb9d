import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

export interface NewOutboxMessage {
  organizationId: string;
  kind: 'invitation';
  recipient: string;
  subject: string;
  body: string;
  invitationId: string;
}

export interface OutboxMessageRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  invitationId: string | null;
  invitationExpiresAt: Date | null;
  invitationAcceptedAt: Date | null;
  invitationRevokedAt: Date | null;
}

/**
 * The outbox: messages a mail sender will deliver. Writers pass their own transaction, so that a message exists
 * exactly when what it announces does.
 */
export function outboxRepository(db: Kysely<DB>) {
  return {
    async insert(message: NewOutboxMessage): Promise<string> {
      const row = await db
        .insertInto('outboxMessages')
        .values(message)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Newest first, with the state of the invitation each message carries a link for. */
    async list(organizationId: string, limit: number): Promise<OutboxMessageRow[]> {
      return db
        .selectFrom('outboxMessages as m')
        .leftJoin('invitations as i', (join) =>
          join.onRef('i.organizationId', '=', 'm.organizationId').onRef('i.id', '=', 'm.invitationId'),
        )
        .select([
          'm.id',
          'm.kind',
          'm.recipient',
          'm.subject',
          'm.body',
          'm.createdAt',
          'm.sentAt',
          'm.invitationId',
          'i.expiresAt as invitationExpiresAt',
          'i.acceptedAt as invitationAcceptedAt',
          'i.revokedAt as invitationRevokedAt',
        ])
        .where('m.organizationId', '=', organizationId)
        .orderBy('m.createdAt', 'desc')
        .orderBy('m.id', 'desc')
        .limit(limit)
        .execute();
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;
