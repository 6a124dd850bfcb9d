import { defineMessages } from '@formatjs/intl';
import { deliveryStates } from '@tandem/core/outbox/delivery';
import { z } from 'zod';

const errors = defineMessages({
  notMessageId: { id: 'outbox.errors.notMessageId', defaultMessage: 'Not a message id' },
});

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['invitation', 'alert', 'password_reset']),
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    delivery: z.object({
      /** queued, sending, retrying (after a failed attempt), sent, failed, not_sent (written before delivery). */
      state: z.enum(deliveryStates),
      attempts: z.number().int(),
      lastAttemptAt: z.iso.datetime().nullable(),
      /** When the next attempt is due (queued and retrying messages). */
      nextAttemptAt: z.iso.datetime().nullable(),
      failedAt: z.iso.datetime().nullable(),
      /** What the mail server or the connection said about the last failed attempt (never the message). */
      lastError: z.string().nullable(),
    }),
    invitationId: z.uuid().nullable(),
    /** Whether the link in the message still works. */
    invitationStatus: z.enum(['pending', 'expired', 'accepted', 'revoked']).nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxListSchema = z.object({
  /** Whether a mail server is configured (TANDEM_SMTP_URL); without one nothing is sent. */
  mailServer: z.boolean(),
  items: z.array(outboxMessageSchema),
});

export const outboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const outboxMessageParams = z.object({ messageId: z.uuid(errors.notMessageId.id) });
