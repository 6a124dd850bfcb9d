import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../identity/principal.ts';
import type { AuditActor, RecordContext } from '../records/record-context.ts';

const errors = defineMessages({
  signIn: { id: 'http.errors.signInToContinue', defaultMessage: 'Sign in to continue.' },
});

export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new DomainError('unauthenticated', errors.signIn);
  return request.principal;
}

/** Who, from where: the part of an audit event that comes from the request. */
export function auditActor(request: FastifyRequest): AuditActor {
  const userAgent = request.headers['user-agent'];
  return {
    actorUserId: request.principal?.userId ?? null,
    actorRole: request.principal?.role ?? 'anonymous',
    // The name as it is now, kept on the event: a later change of name never rewrites who did what.
    actorName: request.principal?.name ?? null,
    ipAddress: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

/** The context a route hands its service: the signed-in caller, the access decision and the audit actor. */
export function recordContext(request: FastifyRequest): RecordContext {
  return { principal: requirePrincipal(request), access: request.access, actor: auditActor(request) };
}
