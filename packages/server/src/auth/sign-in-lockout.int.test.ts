import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

const clinician = demoAccountFor('clinician');

function signInAttempt(email: string, password: string) {
  return server.anonymous.request('POST', '/api/auth/sign-in/email', { email, password });
}

/** What a locked answer says, without what differs per request. */
async function lockedAnswer(response: Response) {
  // The request id and the seconds left differ from request to request, whoever is asking.
  const {
    requestId: _requestId,
    retryAfterSeconds: _seconds,
    ...problem
  } = (await response.json()) as Record<string, unknown>;
  return { status: response.status, retryAfter: Number(response.headers.get('retry-after')), problem };
}

describe('lockout after repeated failed sign-ins', () => {
  it('locks an account for 15 minutes at the fifth wrong password, refusing even the right one', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await signInAttempt(clinician.email, `wrong-password-${attempt}`)).status).toBe(401);
    }
    const locked = await signInAttempt(clinician.email, demoPassword);
    expect(locked.status).toBe(429);
    expect(locked.headers.getSetCookie()).toEqual([]);
    const answer = await lockedAnswer(locked);
    expect(answer.problem).toMatchObject({ code: 'sign_in_locked', title: 'Too many failed sign-ins' });
    expect(answer.retryAfter).toBeGreaterThan(14 * 60);
    expect(answer.retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(answer.problem.detail).toMatch(/Try again in 15 minutes/);
    // Other accounts are not affected.
    expect((await signInAttempt(demoAccountFor('prescriber').email, demoPassword)).status).toBe(200);
  });

  it('audits each failure and the lock in the account’s organization, with no password in the trail', async () => {
    const user = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', clinician.email)
      .executeTakeFirstOrThrow();
    const events = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resourceType', 'outcome', 'reason', 'ipAddress'])
      .where('actorUserId', '=', user.id)
      .where('action', 'in', ['sign_in_failed', 'sign_in_locked'])
      .orderBy('sequence')
      .execute();
    expect(events.map((event) => event.action)).toEqual([
      ...Array(5).fill('sign_in_failed'),
      'sign_in_locked',
    ]);
    expect(events.every((event) => event.resourceType === 'session' && event.outcome === 'denied')).toBe(
      true,
    );
    expect(events[0]?.ipAddress).toBe('127.0.0.1');
    expect(JSON.stringify(events)).not.toContain('wrong-password');
  });

  it('answers an email without an account exactly as an existing one: no way to tell which exist', async () => {
    const nobody = 'nobody-here@demo.tandem.test';
    for (let attempt = 1; attempt <= 5; attempt++) {
      const response = await signInAttempt(nobody, `wrong-password-${attempt}`);
      expect(response.status).toBe(401);
    }
    const forNobody = await lockedAnswer(await signInAttempt(nobody, demoPassword));
    const forClinician = await lockedAnswer(await signInAttempt(clinician.email, demoPassword));
    expect(forNobody.status).toBe(429);
    expect(forNobody.problem).toEqual(forClinician.problem);
  });

  it('treats the email case-insensitively, so a change of case does not reset the count', async () => {
    const locked = await signInAttempt(clinician.email.toUpperCase(), demoPassword);
    expect(locked.status).toBe(429);
  });
});
