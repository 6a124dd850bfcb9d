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
        path: redactPathSecrets(request.url.split('?')[0] ?? ''),
        id: request.id,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      err: safeErrorForLog as never,
    },
  };
}

/**
 * Invitation links carry their one-time token in the path (/invitations/<token>, /api/invitations/<token>/accept);
 * the log shows `:token` instead. Every segment after `invitations/` is hidden unless it is an id (a UUID) or
 * one of the API's fixed words, so that a truncated or mistyped token is hidden too.
 */
const invitationSegment = /(\/invitations\/)([^/]+)/g;
const uuidSegment = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const fixedInvitationSegments = new Set(['staff', 'staff-candidates']);

/** A password reset link (/reset-password/<token>) carries its token the same way: always hidden. */
const resetSegment = /(\/reset-password\/)([^/]+)/g;

export function redactPathSecrets(path: string): string {
  return path
    .replace(invitationSegment, (match, prefix: string, segment: string) =>
      uuidSegment.test(segment) || fixedInvitationSegments.has(segment) ? match : `${prefix}:token`,
    )
    .replace(resetSegment, '$1:token');
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
