import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { outboxListSchema, outboxMessageParams, outboxMessageSchema, outboxQuerySchema } from './schemas.ts';
import type { OutboxService } from './service.ts';

export function outboxRoutes(service: OutboxService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/outbox',
      {
        config: { access: { resource: 'outbox', action: 'read' } },
        schema: {
          tags: ['outbox'],
          summary:
            'Messages Tandem sends by email, newest first (administrators): to whom, about what, how delivery went, and whether its link still works. Links are never shown here (only once, to whoever created the invitation)',
          querystring: outboxQuerySchema,
          response: { 200: outboxListSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.list(recordContext(request), request.query.limit),
    );

    app.post(
      '/api/outbox/:messageId/retry',
      {
        config: { access: { resource: 'outbox', action: 'update' } },
        schema: {
          tags: ['outbox'],
          summary: 'Retry a message whose delivery failed, now (administrators)',
          params: outboxMessageParams,
          response: { 200: outboxMessageSchema, '4xx': problemSchema },
        },
      },
      async (request) => service.retry(recordContext(request), request.params.messageId),
    );
  };
}
