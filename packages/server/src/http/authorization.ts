import {
  type Action,
  actions,
  DomainError,
  decideAccess,
  type OrganizationResource,
  organizationResources,
} from '@tandem/core';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '../identity/principal.ts';

/**
 * Every route declares who may call it (`config.access`), and one hook enforces it before any handler runs:
 * public, any signed-in user, or what the access policy (packages/core/src/access) decides for the resource and
 * action the route touches. A route that declares nothing is refused (fail closed); a test enumerates the routes.
 */
export interface RoutePolicy {
  resource: OrganizationResource;
  action: Action;
}

export type RouteAccess = 'public' | 'signed-in' | RoutePolicy;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function isDeclaredAccess(access: unknown): access is RouteAccess {
  if (access === 'public' || access === 'signed-in') return true;
  if (typeof access !== 'object' || access === null) return false;
  const { resource, action } = access as Partial<RoutePolicy>;
  return (
    (organizationResources as readonly unknown[]).includes(resource) &&
    (actions as readonly unknown[]).includes(action)
  );
}

export function authorizeRequest(request: FastifyRequest, now: Date): void {
  const access = request.routeOptions.config.access;
  if (!isDeclaredAccess(access)) throw new DomainError('forbidden', 'This route declares no access rule.');
  if (access === 'public') return;
  const principal = requirePrincipal(request);
  if (access === 'signed-in') return;
  const decision = decideAccess({
    principal: { userId: principal.userId, organizationId: principal.organizationId, role: principal.role },
    request: { action: access.action, resource: access.resource, organizationId: principal.organizationId },
    now,
  });
  if (!decision.allowed) throw new DomainError('forbidden', decision.reason);
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return request.principal;
}
