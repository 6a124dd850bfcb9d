import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type pg from 'pg';
import { z } from 'zod';

/** Liveness says the process answers; readiness says it can reach its database and is not shutting down. */
export function healthRoutes(options: { pool: pg.Pool; isClosing: () => boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        config: { access: 'public' },
        logLevel: 'warn',
        schema: { tags: ['health'], response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        config: { access: 'public' },
        logLevel: 'warn',
        schema: {
          tags: ['health'],
          response: {
            200: z.object({ status: z.literal('ready') }),
            503: z.object({ status: z.literal('unavailable'), reason: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        if (options.isClosing())
          return reply.status(503).send({ status: 'unavailable', reason: 'shutting down' });
        try {
          await options.pool.query('SELECT 1');
          return { status: 'ready' as const };
        } catch {
          return reply.status(503).send({ status: 'unavailable', reason: 'database unreachable' });
        }
      },
    );
  };
}
