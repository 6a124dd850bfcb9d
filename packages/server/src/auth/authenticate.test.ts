import { describe, expect, it, vi } from 'vitest';
import { mustEnrolTwoFactor } from '../identity/principal.ts';
import type { identityRepository } from '../identity/repository.ts';
import type { Auth } from './auth.ts';
import { createAuthenticator, sessionCookieValue } from './authenticate.ts';

const cookieHeader = 'other=1; tandem.session_token=abc.signature';

function fakes() {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const getSession = vi.fn(async () => {
    await gate;
    return {
      user: { id: 'user-1', name: 'Casey', email: 'casey@example.test' },
      session: {
        id: 'session-1',
        activeOrganizationId: 'org-1',
        expiresAt: new Date(Date.now() + 3_600_000),
      },
    };
  });
  const auth = { api: { getSession } } as unknown as Auth;
  const identity = {
    sessionFacts: vi.fn(async () => ({
      organizationId: 'org-1',
      role: 'clinician',
      staffMemberId: 'staff-1',
      twoFactorRequiredRoles: ['clinician'],
      lastActiveAt: new Date(),
      language: 'es',
    })),
  } as unknown as ReturnType<typeof identityRepository>;
  return { auth, identity, getSession, release: () => release() };
}

describe('sessionCookieValue', () => {
  it('finds the session cookie among others, secure-prefixed or not', () => {
    expect(sessionCookieValue(cookieHeader)).toBe('abc.signature');
    expect(sessionCookieValue('__Secure-tandem.session_token=xyz')).toBe('xyz');
    expect(sessionCookieValue('tandem.session_token_other=1')).toBeUndefined();
    expect(sessionCookieValue(undefined)).toBeUndefined();
  });
});

describe('authenticator', () => {
  it('lets concurrent requests of one session share one lookup, then answers from the cache', async () => {
    const { auth, identity, getSession, release } = fakes();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 5 });
    const pending = Array.from({ length: 10 }, () => authenticator.authenticate({ cookie: cookieHeader }));
    release();
    const principals = await Promise.all(pending);
    expect(getSession).toHaveBeenCalledTimes(1);
    expect(new Set(principals.map((principal) => principal?.role))).toEqual(new Set(['clinician']));
    await authenticator.authenticate({ cookie: cookieHeader });
    expect(getSession).toHaveBeenCalledTimes(1);
  });

  it('does not cache a lookup that was in flight when the session signed out', async () => {
    const { auth, identity, getSession, release } = fakes();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 5 });
    const inFlight = authenticator.authenticate({ cookie: cookieHeader });
    authenticator.forgetCookie(cookieHeader);
    release();
    await inFlight;
    await authenticator.authenticate({ cookie: cookieHeader });
    expect(getSession).toHaveBeenCalledTimes(2);
  });

  it('does not cache a lookup that was in flight when its user was forgotten (deactivation)', async () => {
    const { auth, identity, getSession, release } = fakes();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 5 });
    const inFlight = authenticator.authenticate({ cookie: cookieHeader });
    authenticator.forgetUser('user-1');
    release();
    await inFlight;
    await authenticator.authenticate({ cookie: cookieHeader });
    expect(getSession).toHaveBeenCalledTimes(2);
  });

  it('forgets every cached principal of an organization (its default language changed), in flight too', async () => {
    const { auth, identity, getSession, release } = fakes();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 5 });
    const inFlight = authenticator.authenticate({ cookie: cookieHeader });
    authenticator.forgetOrganization('org-1');
    release();
    expect((await inFlight)?.language).toBe('es');
    await authenticator.authenticate({ cookie: cookieHeader });
    expect(getSession).toHaveBeenCalledTimes(2);
    authenticator.forgetOrganization('another-org');
    await authenticator.authenticate({ cookie: cookieHeader });
    expect(getSession).toHaveBeenCalledTimes(2);
    authenticator.forgetOrganization('org-1');
    await authenticator.authenticate({ cookie: cookieHeader });
    expect(getSession).toHaveBeenCalledTimes(3);
  });

  it('asks nothing for a request without a session cookie', async () => {
    const { auth, identity, getSession } = fakes();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 5 });
    expect(await authenticator.authenticate({ cookie: 'other=1' })).toBeNull();
    expect(getSession).not.toHaveBeenCalled();
  });

  it('tells whether the role requires two-step verification the person has not set up', async () => {
    const { auth, identity, release } = fakes();
    release();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 5 });
    const principal = await authenticator.authenticate({ cookie: cookieHeader });
    expect(principal?.twoFactor).toEqual({ enabled: false, required: true });
    expect(principal && mustEnrolTwoFactor(principal)).toBe(true);
  });

  it('refuses a cached session once its absolute lifetime has passed', async () => {
    const { auth, identity, getSession, release } = fakes();
    release();
    let now = Date.now();
    const authenticator = createAuthenticator(auth, identity, { cacheSeconds: 60, now: () => now });
    expect(await authenticator.authenticate({ cookie: cookieHeader })).not.toBeNull();
    now += 3_600_001;
    expect(await authenticator.authenticate({ cookie: cookieHeader })).toBeNull();
    expect(getSession).toHaveBeenCalledTimes(1);
  });
});
