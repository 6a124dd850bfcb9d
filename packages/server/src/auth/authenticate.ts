import type { IncomingHttpHeaders } from 'node:http';
import type { Role } from '@tandem/core';
import type { Principal } from '../identity/principal.ts';
import type { identityRepository } from '../identity/repository.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import type { Auth } from './auth.ts';
import { sessionCookiePrefix } from './auth.ts';
import type { AuthRepository } from './repository.ts';
import { securityChange } from './security-audit.ts';
import { SessionActivity } from './session-activity.ts';
import { SessionCache } from './session-cache.ts';

export const defaultIdleTimeoutMinutes = 15;

export interface AuthenticatorOptions {
  cacheSeconds: number;
  /** A session whose last authenticated request is older than this ends (default 15 minutes). */
  idleTimeoutMinutes?: number;
  /** Where session activity is stored and idle sessions are ended; without it idle time is not enforced. */
  sessions?: AuthRepository;
  now?: () => number;
}

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

/**
 * Resolves the signed-in principal of a request, through the session cache, and ends sessions idle too long.
 * Idle time is measured from the session's last authenticated request as any process saw it (SessionActivity):
 * checked on every request, cached or not, without a database write per request.
 */
export function createAuthenticator(
  auth: Auth,
  identity: ReturnType<typeof identityRepository>,
  options: AuthenticatorOptions,
) {
  const now = options.now ?? Date.now;
  const idleTimeoutMs = (options.idleTimeoutMinutes ?? defaultIdleTimeoutMinutes) * 60_000;
  const sessions = options.sessions;
  // The authenticator exists before the app (which builds its own kernel); a kernel holds nothing but the database.
  const records = sessions === undefined ? undefined : recordKernel(sessions.db);
  const activity = new SessionActivity({
    flushIntervalMs: Math.min(60_000, Math.max(1_000, idleTimeoutMs / 10)),
    retainMs: idleTimeoutMs + 60_000,
    now,
    write: async (entries) => {
      await sessions?.recordActivity(entries);
    },
  });
  if (sessions !== undefined) activity.start();
  const cache = new SessionCache<Principal | null>({ ttlMs: options.cacheSeconds * 1000 });
  // Concurrent requests of one session share a single lookup when the cache entry is missing or expired.
  const lookups = new Map<string, Promise<Principal | null>>();
  // forgetUser and forgetOrganization bump the epoch; a lookup that started before its user or organization
  // was forgotten must not cache its answer.
  let epoch = 0;
  const forgottenAt = new Map<string, number>();
  const organizationForgottenAt = new Map<string, number>();

  async function authenticate(headers: IncomingHttpHeaders): Promise<Principal | null> {
    const cookie = sessionCookieValue(headers.cookie);
    if (cookie === undefined) return null;
    const principal = await principalOf(cookie, headers.cookie ?? '');
    if (principal === null) return null;
    const at = now();
    if (principal.sessionExpiresAt !== undefined && principal.sessionExpiresAt.getTime() <= at) {
      forgetSessionCookie(cookie, principal.sessionId);
      return null;
    }
    if (sessions !== undefined) {
      const last = activity.lastActivity(principal.sessionId);
      if (last !== undefined && at - last > idleTimeoutMs) {
        await endIdleSession(cookie, principal, headers);
        return null;
      }
      activity.touch(principal.sessionId, at);
    }
    return principal;
  }

  function forgetSessionCookie(cookie: string, sessionId: string): void {
    cache.evict(cookie);
    lookups.delete(cookie);
    activity.forget(sessionId);
  }

  // Sessions being ended here: concurrent requests of one idle session end it (and audit it) once.
  const ending = new Set<string>();

  async function endIdleSession(cookie: string, principal: Principal, headers: IncomingHttpHeaders) {
    forgetSessionCookie(cookie, principal.sessionId);
    if (sessions === undefined || ending.has(principal.sessionId)) return;
    ending.add(principal.sessionId);
    try {
      await endSession(principal, headers);
    } finally {
      ending.delete(principal.sessionId);
    }
  }

  async function endSession(principal: Principal, headers: IncomingHttpHeaders) {
    if (sessions === undefined || records === undefined) return;
    const minutes = Math.round((idleTimeoutMs / 60_000) * 100) / 100;
    const actor = {
      actorUserId: principal.userId,
      actorRole: principal.role,
      ipAddress: null,
      userAgent: headers['user-agent']?.slice(0, 512) ?? null,
    };
    await records.write({ principal, access: null, actor }, async ({ trx, audit }) => {
      await sessions.deleteSession(trx, principal.sessionId);
      audit(
        securityChange({
          action: 'sign_out',
          resourceType: 'session',
          resourceId: principal.sessionId,
          outcome: 'allowed',
          reason: `idle for more than ${minutes} minutes`,
        }),
      );
    });
  }

  async function principalOf(cookie: string, cookieHeader: string): Promise<Principal | null> {
    const cached = cache.get(cookie);
    if (cached !== undefined) return cached;
    const pending = lookups.get(cookie);
    if (pending !== undefined) return pending;
    const startedAt = epoch;
    const lookup: Promise<Principal | null> = resolveSession(cookieHeader).then(
      (resolved) => {
        // Sign-out during the lookup removed it from `lookups`: then its answer must not be cached.
        if (lookups.get(cookie) === lookup) {
          lookups.delete(cookie);
          const organizationId = resolved?.principal?.organizationId;
          const forgotten =
            resolved !== undefined &&
            ((forgottenAt.get(resolved.userId) ?? -1) >= startedAt ||
              (organizationId !== undefined &&
                (organizationForgottenAt.get(organizationId) ?? -1) >= startedAt));
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
    const facts =
      organizationId == null
        ? undefined
        : await identity.sessionFacts(organizationId, result.user.id, result.session.id);
    if (facts?.lastActiveAt !== undefined) activity.observe(result.session.id, facts.lastActiveAt.getTime());
    const role = facts?.role as Role;
    const principal: Principal | null =
      facts === undefined
        ? null
        : {
            userId: result.user.id,
            sessionId: result.session.id,
            name: result.user.name,
            email: result.user.email,
            organizationId: facts.organizationId,
            role,
            staffMemberId: facts.staffMemberId,
            language: facts.language,
            twoFactor: {
              enabled: (result.user as { twoFactorEnabled?: boolean | null }).twoFactorEnabled === true,
              required: facts.twoFactorRequiredRoles.includes(role),
            },
            sessionExpiresAt: new Date(result.session.expiresAt),
          };
    return { userId: result.user.id, principal };
  }

  return {
    authenticate,
    /** The SQL of sign-in hardening (lockout, session ends, audit targets); absent only without a database. */
    repository: sessions,
    /** What the web app needs to warn before an idle sign-out. */
    idleTimeoutSeconds: Math.round(idleTimeoutMs / 1000),
    /** Called after sign-out on this process so that the session stops working at once. */
    forgetCookie(cookieHeader: string | undefined) {
      const cookie = sessionCookieValue(cookieHeader);
      if (cookie === undefined) return;
      cache.evict(cookie);
      lookups.delete(cookie);
    },
    /** Called when what a user's principal says changed (role, two-step, language): read afresh next time. */
    forgetUser(userId: string) {
      cache.evictUser(userId);
      forgottenAt.set(userId, epoch);
      epoch += 1;
    },
    /** Every principal of the organization read afresh next time (its default language changed). */
    forgetOrganization(organizationId: string) {
      cache.evictWhere((principal) => principal?.organizationId === organizationId);
      organizationForgottenAt.set(organizationId, epoch);
      epoch += 1;
    },
    /** Writes pending session activity and stops the timer. */
    close(): Promise<void> {
      return activity.stop();
    },
  };
}

export type Authenticator = ReturnType<typeof createAuthenticator>;
