import { invitationStatus } from '@tandem/core/invitations/invitation';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.generated.ts';
import { requirePrincipal } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { hideLiveLinks } from './hide-live-links.ts';
import { outboxRepository } from './repository.ts';
import { outboxMessageSchema, outboxQuerySchema } from './schemas.ts';

export function outboxRoutes(db: Kysely<DB>): FastifyPluginAsyncZod {
  const outbox = outboxRepository(db);
  return async (app) => {
    app.get(
      '/api/outbox',
      {
        config: { access: { resource: 'outbox', action: 'read' } },
        schema: {
          tags: ['outbox'],
          summary:
            'Messages for a mail sender, newest first (administrators): to whom, about what, and whether its link still works. Invitation links are never shown here (only once, to whoever created the invitation)',
          querystring: outboxQuerySchema,
          response: { 200: z.object({ items: z.array(outboxMessageSchema) }), '4xx': problemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const now = new Date();
        const rows = await outbox.list(principal.organizationId, request.query.limit);
        return {
          items: rows.map((row) => ({
            id: row.id,
            kind: row.kind as 'invitation' | 'alert',
            recipient: row.recipient,
            subject: row.subject,
            body: hideLiveLinks(row.body),
            createdAt: row.createdAt.toISOString(),
            sentAt: row.sentAt?.toISOString() ?? null,
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
          })),
        };
      },
    );
  };
}
