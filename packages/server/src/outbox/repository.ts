import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export type NewOutboxMessage = {
  organizationId: string;
  recipient: string;
  subject: string;
  body: string;
} & ({ kind: 'invitation'; invitationId: string } | { kind: 'password_reset'; userId: string });

export interface OutboxMessageRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body: string;
  createdAt: Date;
  sentAt: Date | null;
  failedAt: Date | null;
  nextAttemptAt: Date | null;
  claimedUntil: Date | null;
  attempts: number;
  lastAttemptAt: Date | null;
  lastError: string | null;
  invitationId: string | null;
  invitationExpiresAt: Date | null;
  invitationAcceptedAt: Date | null;
  invitationRevokedAt: Date | null;
}

/** A message a worker claimed for sending: only this claim's token may record how the attempt went. */
export interface ClaimedMessage {
  organizationId: string;
  id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * The outbox: messages for the mail sender (outbox/delivery.ts), and the record of what was sent and what failed.
 * Writers pass their unit's transaction, so that a message exists exactly when what it announces does.
 */
export function outboxRepository(db: Executor) {
  const listColumns = [
    'm.id',
    'm.kind',
    'm.recipient',
    'm.subject',
    'm.body',
    'm.createdAt',
    'm.sentAt',
    'm.failedAt',
    'm.nextAttemptAt',
    'm.claimedUntil',
    'm.attempts',
    'm.lastAttemptAt',
    'm.lastError',
    'm.invitationId',
    'i.expiresAt as invitationExpiresAt',
    'i.acceptedAt as invitationAcceptedAt',
    'i.revokedAt as invitationRevokedAt',
  ] as const;

  const withInvitation = (executor: Executor) =>
    executor
      .selectFrom('outboxMessages as m')
      .leftJoin('invitations as i', (join) =>
        join.onRef('i.organizationId', '=', 'm.organizationId').onRef('i.id', '=', 'm.invitationId'),
      );

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
      return withInvitation(db)
        .select(listColumns)
        .where('m.organizationId', '=', organizationId)
        .orderBy('m.createdAt', 'desc')
        .orderBy('m.id', 'desc')
        .limit(limit)
        .execute();
    },

    async find(
      executor: Executor,
      organizationId: string,
      id: string,
    ): Promise<OutboxMessageRow | undefined> {
      return withInvitation(executor)
        .select(listColumns)
        .where('m.organizationId', '=', organizationId)
        .where('m.id', '=', id)
        .executeTakeFirst();
    },

    /** The organizations that have a message due now (the worker claims organization by organization). */
    async organizationsWithDueMail(executor: Executor): Promise<string[]> {
      const rows = await executor
        .selectFrom('outboxMessages')
        .select('organizationId')
        .distinct()
        .where('nextAttemptAt', '<=', sql<Date>`now()`)
        .where('sentAt', 'is', null)
        .where('failedAt', 'is', null)
        .execute();
      return rows.map((row) => row.organizationId);
    },

    /**
     * Claims up to `limit` due messages for `claimSeconds` in one statement: rows another worker holds locked are
     * skipped, and a row another worker claimed and committed no longer qualifies when it is re-checked, so two
     * workers never claim one message. Counts the attempt.
     */
    async claimDue(
      trx: Transaction<DB>,
      organizationId: string,
      claim: { token: string; limit: number; claimSeconds: number },
    ): Promise<ClaimedMessage[]> {
      const result = await sql<ClaimedMessage>`
        UPDATE outbox_messages
        SET claim_token = ${claim.token},
            claimed_until = now() + make_interval(secs => ${claim.claimSeconds}),
            attempts = attempts + 1,
            last_attempt_at = now()
        WHERE (organization_id, id) IN (
          SELECT organization_id, id FROM outbox_messages
          WHERE organization_id = ${organizationId}
            AND next_attempt_at <= now()
            AND sent_at IS NULL AND failed_at IS NULL
            AND (claimed_until IS NULL OR claimed_until < now())
          ORDER BY next_attempt_at, id
          LIMIT ${claim.limit}
          FOR UPDATE SKIP LOCKED
        )
        RETURNING organization_id AS "organizationId", id, recipient, subject, body, attempts`.execute(trx);
      return result.rows;
    },

    /** Records the claimed attempt's outcome; false when the claim was lost (it ran out and another took it). */
    async recordAttempt(
      trx: Transaction<DB>,
      message: { organizationId: string; id: string; claimToken: string },
      outcome:
        | { kind: 'sent' }
        | { kind: 'retry'; afterMs: number; error: string }
        | { kind: 'failed'; error: string },
    ): Promise<boolean> {
      const released = { claimToken: null, claimedUntil: null };
      const change =
        outcome.kind === 'sent'
          ? { ...released, sentAt: sql<Date>`now()`, nextAttemptAt: null, lastError: null }
          : outcome.kind === 'retry'
            ? {
                ...released,
                nextAttemptAt: sql<Date>`now() + make_interval(secs => ${outcome.afterMs / 1000})`,
                lastError: outcome.error,
              }
            : { ...released, failedAt: sql<Date>`now()`, nextAttemptAt: null, lastError: outcome.error };
      const row = await trx
        .updateTable('outboxMessages')
        .set(change)
        .where('organizationId', '=', message.organizationId)
        .where('id', '=', message.id)
        .where('claimToken', '=', message.claimToken)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Puts a failed message back in the queue, due now, with a fresh count of attempts. */
    async retryFailed(trx: Transaction<DB>, organizationId: string, id: string): Promise<boolean> {
      const row = await trx
        .updateTable('outboxMessages')
        .set({ failedAt: null, nextAttemptAt: sql<Date>`now()`, attempts: 0 })
        .where('organizationId', '=', organizationId)
        .where('id', '=', id)
        .where('failedAt', 'is not', null)
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export type OutboxRepository = ReturnType<typeof outboxRepository>;
