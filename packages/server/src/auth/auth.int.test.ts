import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ sessionCacheSeconds: 1 });
});
afterAll(async () => {
  await server?.close();
});

const clinician = demoAccountFor('clinician');

describe('sign-in', () => {
  it('sets an HTTP-only, SameSite session cookie and keeps the token out of the body', async () => {
    const response = await server.anonymous.request('POST', '/api/auth/sign-in/email', {
      email: clinician.email,
      password: 'tandem-demo-2026',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({ user: { id: expect.any(String), name: clinician.name, email: clinician.email } });
    const cookie = response.headers.getSetCookie().find((value) => value.startsWith('tandem.session_token='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it("keeps session tokens out of better-auth's get-session and list-sessions answers", async () => {
    const signedIn = await server.signIn(clinician.email);
    const token = decodeURIComponent(signedIn.cookie?.match(/tandem\.session_token=([^;.]+)/)?.[1] ?? '');
    expect(token.length).toBeGreaterThan(10);
    await server.signIn(clinician.email);

    const session = await signedIn.request('GET', '/api/auth/get-session');
    expect(session.status).toBe(200);
    const sessionText = await session.text();
    expect(sessionText).not.toContain(token);
    const sessionBody = JSON.parse(sessionText) as {
      session: Record<string, unknown>;
      user: { email: string };
    };
    expect(sessionBody.user.email).toBe(clinician.email);
    expect(sessionBody.session).toHaveProperty('id');
    expect(sessionBody.session).not.toHaveProperty('token');

    const sessions = await signedIn.request('GET', '/api/auth/list-sessions');
    expect(sessions.status).toBe(200);
    const sessionsText = await sessions.text();
    expect(sessionsText).not.toContain(token);
    const listed = JSON.parse(sessionsText) as Record<string, unknown>[];
    expect(listed.length).toBeGreaterThan(1);
    expect(listed.every((item) => !('token' in item) && typeof item.id === 'string')).toBe(true);
  });

  it('refuses a wrong password with problem+json and no cookie', async () => {
    const response = await server.anonymous.request('POST', '/api/auth/sign-in/email', {
      email: clinician.email,
      password: 'not-the-password',
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(
      response.headers.getSetCookie().filter((value) => value.includes('session_token=;') === false),
    ).toEqual([]);
    const problem = (await response.json()) as { status: number; detail: string; requestId: string };
    expect(problem.status).toBe(401);
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
    expect(problem.detail).not.toContain('not-the-password');
  });

  it('names each invalid field', async () => {
    const { status, body } = await server.anonymous.json('POST', '/api/auth/sign-in/email', {
      email: 'nope',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      code: 'invalid_input',
      errors: expect.arrayContaining([
        { path: 'body.email', message: 'Enter an email address' },
        { path: 'body.password', message: 'Enter your password' },
      ]),
    });
  });
});

describe('CSRF guard', () => {
  it('refuses a state-changing request without the CSRF header', async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: clinician.email, password: 'tandem-demo-2026' }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a request from a foreign origin even with the header', async () => {
    const response = await server.anonymous.request(
      'POST',
      '/api/auth/sign-in/email',
      { email: clinician.email, password: 'tandem-demo-2026' },
      { origin: 'https://evil.example' },
    );
    expect(response.status).toBe(403);
  });
});

describe('sessions', () => {
  it('ends a session at once on sign-out, even though sessions are cached', async () => {
    const client = await server.signIn(clinician.email);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    expect((await client.request('POST', '/api/auth/sign-out', {})).status).toBe(200);
    expect((await client.request('GET', '/api/me')).status).toBe(401);
  });

  it('notices a session revoked elsewhere within the cache lifetime', async () => {
    const client = await server.signIn(clinician.email);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    // Another process (or an admin) deletes the session row; this process only learns of it from the database.
    await server.database.db.deleteFrom('sessions').execute();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await client.request('GET', '/api/me')).status).toBe(401);
  });

  it('answers repeated requests from the cache without touching the session table', async () => {
    const client = await server.signIn(clinician.email);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    await server.database.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .execute();
    // Within the cache lifetime the cached principal still answers; afterwards the expired session does not.
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await client.request('GET', '/api/me')).status).toBe(401);
  });
});
