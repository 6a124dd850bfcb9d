import type { IncomingHttpHeaders } from 'node:http';
import type { Role } from '@tandem/core';
import type { Principal } from '../identity/principal.ts';
import type { identityRepository } from '../identity/repository.ts';
import type { Auth } from './auth.ts';
import { sessionCookiePrefix } from './auth.ts';
import { SessionCache } from './session-cache.ts';

const sessionCookieNames = [
  `${sessionCookiePrefix}.session_token`,
  `__Secure-${sessionCookiePrefix}.session_token`,
];

export function sessionCookieValue(cookieHeader: string | undefined): string | undefined {
  if (cookieHeader === undefined) return undefined;
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    const name = part.slice(0, separator).trim();
    if (sessionCookieNames.includes(name)) return part.slice(separator + 1).trim();
  }
  return undefined;
}

export function toWebHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) result.append(name, item);
    else result.set(name, value);
  }
  return result;
}

/** Resolves the signed-in principal of a request, through the session cache. */
export function createAuthenticator(
  auth: Auth,
  identity: ReturnType<typeof identityRepository>,
  options: { cacheSeconds: number },
) {
  const cache = new SessionCache<Principal | null>({ ttlMs: options.cacheSeconds * 1000 });

  async function authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const cookie = sessionCookieValue(headers.cookie);
    if (cookie === undefined) return null;
    const cached = cache.get(cookie);
    if (cached !== undefined) return cached;
    const result = await auth.api.getSession({ headers: toWebHeaders({ cookie: headers.cookie }) });
    if (result === null) return null;
    const organizationId = (result.session as { activeOrganizationId?: string | null }).activeOrganizationId;
    const membership =
      organizationId == null ? undefined : await identity.activeMembership(organizationId, result.user.id);
    const principal: Principal | null =
      membership === undefined
        ? null
        : {
            userId: result.user.id,
            sessionId: result.session.id,
            name: result.user.name,
            email: result.user.email,
            organizationId: membership.organizationId,
            role: membership.role as Role,
            staffMemberId: membership.staffMemberId,
          };
    cache.set(cookie, result.user.id, principal);
    return principal;
  }

  return {
    authenticate,
    /** Called after sign-out on this process so that the session stops working at once. */
    forgetCookie(cookieHeader: string | undefined) {
      const cookie = sessionCookieValue(cookieHeader);
      if (cookie !== undefined) cache.evict(cookie);
    },
    forgetUser(userId: string) {
      cache.evictUser(userId);
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
