import { z } from 'zod';

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(['invitation', 'alert']),
    recipient: z.string(),
    subject: z.string(),
    body: z.string(),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    invitationId: z.uuid().nullable(),
    /** Whether the link in the message still works. */
    invitationStatus: z.enum(['pending', 'expired', 'accepted', 'revoked']).nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
