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
  // Concurrent requests of one session share a single lookup when the cache entry is missing or expired.
  const lookups = new Map<string, Promise<Principal | null>>();
  // forgetUser bumps the epoch; a lookup that started before a user was forgotten must not cache its answer.
  let epoch = 0;
  const forgottenAt = new Map<string, number>();

  async function authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const cookie = sessionCookieValue(headers.cookie);
    if (cookie === undefined) return null;
    const cached = cache.get(cookie);
    if (cached !== undefined) return cached;
    const pending = lookups.get(cookie);
    if (pending !== undefined) return pending;
    const startedAt = epoch;
    const lookup: Promise<Principal | null> = resolveSession(headers.cookie ?? '').then(
      (resolved) => {
        // Sign-out during the lookup removed it from `lookups`: then its answer must not be cached.
        if (lookups.get(cookie) === lookup) {
          lookups.delete(cookie);
          const forgotten = resolved !== undefined && (forgottenAt.get(resolved.userId) ?? -1) >= startedAt;
          if (resolved !== undefined && !forgotten) cache.set(cookie, resolved.userId, resolved.principal);
        }
        return resolved?.principal ?? null;
      },
      (error: unknown) => {
        if (lookups.get(cookie) === lookup) lookups.delete(cookie);
        throw error;
      },
    );
    lookups.set(cookie, lookup);
    return lookup;
  }

  async function resolveSession(
    cookieHeader: string,
  ): Promise<{ userId: string; principal: Principal | null } | undefined> {
    const result = await auth.api.getSession({ headers: toWebHeaders({ cookie: cookieHeader }) });
    if (result === null) return undefined;
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
    return { userId: result.user.id, principal };
  }

  return {
    authenticate,
    /** Called after sign-out on this process so that the session stops working at once. */
    forgetCookie(cookieHeader: string | undefined) {
      const cookie = sessionCookieValue(cookieHeader);
      if (cookie === undefined) return;
      cache.evict(cookie);
      lookups.delete(cookie);
    },
    forgetUser(userId: string) {
      cache.evictUser(userId);
      forgottenAt.set(userId, epoch);
      epoch += 1;
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
