import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// 3 seconds idle; the session cache keeps its usual 5 seconds, longer than the idle time on purpose.
const idleTimeoutMinutes = 0.05;
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ idleTimeoutMinutes, sessionMaxHours: 2, sessionCacheSeconds: 5 });
});
afterAll(async () => {
  await server?.close();
});

const clinician = demoAccountFor('clinician');

async function sessionRow() {
  return server.database.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.userId')
    .select(['sessions.id', 'sessions.createdAt', 'sessions.expiresAt', 'sessions.lastActiveAt'])
    .where('users.email', '=', clinician.email)
    .executeTakeFirst();
}

describe('idle timeout and absolute lifetime', () => {
  it('tells the web app the idle timeout and when the session ends', async () => {
    const client = await server.signIn(clinician.email);
    const { body } = await client.json<{ session: { idleTimeoutSeconds: number; expiresAt: string } }>(
      'GET',
      '/api/me/security',
    );
    expect(body.session.idleTimeoutSeconds).toBe(3);
    const hoursLeft = (Date.parse(body.session.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(1.9);
    expect(hoursLeft).toBeLessThanOrEqual(2);
    await client.request('POST', '/api/auth/sign-out', {});
  });

  it('keeps an active session past the idle time, storing activity without a write per request', async () => {
    const client = await server.signIn(clinician.email);
    const signedIn = await sessionRow();
    for (let second = 0; second < 5; second++) {
      expect((await client.request('GET', '/api/me')).status).toBe(200);
      await sleep(1_000);
    }
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    const later = await sessionRow();
    // Activity reached the database (written about once a second at this idle time, a minute at the default).
    expect(new Date(later?.lastActiveAt as Date).getTime()).toBeGreaterThan(
      new Date(signedIn?.lastActiveAt as Date).getTime() + 2_000,
    );
    // The absolute lifetime does not slide with activity.
    expect(later?.expiresAt).toEqual(signedIn?.expiresAt);
    await client.request('POST', '/api/auth/sign-out', {});
  });

  it('ends a session after the idle time even while the session cache still holds it, and audits why', async () => {
    const client = await server.signIn(clinician.email);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    const { id: sessionId } = (await sessionRow()) ?? { id: '' };
    await sleep(3_500);
    expect((await client.request('GET', '/api/me')).status).toBe(401);
    expect(await sessionRow()).toBeUndefined();
    const event = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resourceType', 'reason'])
      .where('resourceId', '=', sessionId)
      .where('action', '=', 'sign_out')
      .executeTakeFirst();
    expect(event).toEqual({
      action: 'sign_out',
      resourceType: 'session',
      reason: 'idle for more than 0.05 minutes',
    });
  });

  it('ends a session idle according to the database, as another process would have left it', async () => {
    const client = await server.signIn(clinician.email);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    await sleep(5_100); // the cache entry and this process's memory of the activity both run out of date
    // Another process saw no later activity either: the stored time is what counts.
    expect((await client.request('GET', '/api/me')).status).toBe(401);
  });
});
