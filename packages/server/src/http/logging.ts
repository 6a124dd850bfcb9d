import type { FastifyServerOptions } from 'fastify';

/**
 * Logs say what happened to which route, never what was sent: no bodies, no query strings (search terms can
 * be names), no headers (cookies), and database errors by SQLSTATE only, since their messages can echo values.
 */
export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        id: request.id,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: safeErrorForLog as never,
    },
  };
}

export function safeErrorForLog(error: unknown): Record<string, unknown> {
  const value = error as {
    name?: string;
    code?: string;
    message?: string;
    stack?: string;
    constraint?: string;
  };
  if (typeof value?.code === 'string' && /^[0-9A-Z]{5}$/.test(value.code)) {
    return { type: 'DatabaseError', sqlState: value.code, constraint: value.constraint };
  }
  return {
    type: value?.name ?? typeof error,
    code: value?.code,
    message: value?.message,
    stack: value?.stack,
  };
}
