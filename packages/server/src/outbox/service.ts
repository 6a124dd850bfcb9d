import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import { invitationStatus } from '@tandem/core/invitations/invitation';
import { deliveryState } from '@tandem/core/outbox/delivery';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { hideLiveLinks } from './hide-live-links.ts';
import type { OutboxMessageRow, OutboxRepository } from './repository.ts';
import type { OutboxMessage } from './schemas.ts';

const errors = defineMessages({
  noSuchMessage: { id: 'outbox.errors.noSuchMessage', defaultMessage: 'No such message.' },
  onlyFailedRetried: {
    id: 'outbox.errors.onlyFailedRetried',
    defaultMessage: 'Only a message whose delivery failed can be retried.',
  },
});

/** A message as administrators read it: links hidden, its delivery and its invitation's state. */
export function presentMessage(row: OutboxMessageRow, now: Date): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind as OutboxMessage['kind'],
    recipient: row.recipient,
    subject: row.subject,
    body: hideLiveLinks(row.body),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    delivery: {
      state: deliveryState(row, now),
      attempts: row.attempts,
      lastAttemptAt: row.lastAttemptAt?.toISOString() ?? null,
      nextAttemptAt:
        row.sentAt === null && row.failedAt === null ? (row.nextAttemptAt?.toISOString() ?? null) : null,
      failedAt: row.failedAt?.toISOString() ?? null,
      lastError: row.lastError,
    },
    invitationId: row.invitationId,
    invitationStatus:
      row.invitationExpiresAt === null
        ? null
        : invitationStatus(
            {
              expiresAt: row.invitationExpiresAt,
              acceptedAt: row.invitationAcceptedAt,
              revokedAt: row.invitationRevokedAt,
            },
            now,
          ),
  };
}

/** The outbox for administrators (route policy: outbox read / update). */
export function outboxService(
  records: RecordKernel,
  outbox: OutboxRepository,
  options: { mailConfigured: boolean },
) {
  return {
    async list(context: RecordContext, limit: number) {
      const rows = await outbox.list(organizationOf(context), limit);
      const now = new Date();
      return { mailServer: options.mailConfigured, items: rows.map((row) => presentMessage(row, now)) };
    },

    /** "Retry now": a failed message goes back in the queue, due at once, with a fresh count of attempts. */
    async retry(context: RecordContext, messageId: string): Promise<OutboxMessage> {
      const organizationId = organizationOf(context);
      const row = await records.write(context, async ({ trx, audit }) => {
        if (!(await outbox.retryFailed(trx, organizationId, messageId))) {
          const current = await outbox.find(trx, organizationId, messageId);
          if (current === undefined) throw new DomainError('not_found', errors.noSuchMessage);
          throw new DomainError('conflict', errors.onlyFailedRetried);
        }
        audit({
          resourceType: 'outbox_message',
          resourceId: messageId,
          patientId: null,
          fieldsChanged: ['failedAt', 'nextAttemptAt', 'attempts'],
          reason: 'Retry now',
        });
        return outbox.find(trx, organizationId, messageId);
      });
      if (row === undefined) throw new Error('the message just retried is missing');
      return presentMessage(row, new Date());
    },
  };
}

export type OutboxService = ReturnType<typeof outboxService>;
