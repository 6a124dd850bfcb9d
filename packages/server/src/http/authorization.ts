import { DomainError, isStaffRole } from '@tandem/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../identity/principal.ts';

/**
 * Every route declares who may call it (`config.access`); one hook enforces it before any handler runs.
 * A route that declares nothing is refused (fail closed), and a test enumerates the routes to catch it early.
 * The full role × relationship policy of the access-policy module plugs in here.
 */
export const routeAccessLevels = ['public', 'signed-in', 'staff'] as const;
export type RouteAccess = (typeof routeAccessLevels)[number];

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function authorizeRequest(request: FastifyRequest): void {
  const access = request.routeOptions.config.access;
  if (access === undefined) throw new DomainError('forbidden', 'This route declares no access rule.');
  if (access === 'public') return;
  if (request.principal === null) throw new DomainError('unauthenticated', 'Sign in to continue.');
  if (access === 'staff' && !isStaffRole(request.principal.role)) {
    throw new DomainError('forbidden', 'This is available to program staff only.');
  }
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return request.principal;
}
