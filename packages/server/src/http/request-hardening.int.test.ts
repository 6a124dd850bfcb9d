import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/**
 * Findings of the security review (issue 12) on how the HTTP edge answers: the CSRF guard, router refusals and the
 * security headers (the CSP itself is tested in a real browser: e2e/content-security-policy.test.ts).
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('the CSRF guard', () => {
  it('refuses a state-changing request whose x-tandem-csrf header is empty', async () => {
    const response = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tandem-csrf': '' },
      body: JSON.stringify({ email: demoAccountFor('clinician').email, password: demoPassword }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect(await response.json()).toMatchObject({ code: 'forbidden', detail: /x-tandem-csrf/ });
  });
});

describe('router refusals', () => {
  it('answers a too-long path parameter with a 414 problem that does not repeat the address', async () => {
    const longId = 'Jane-Doe-'.repeat(30);
    const response = await fetch(`${server.url}/api/patients/${longId}`);
    expect(response.status).toBe(414);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const text = await response.text();
    expect(text).not.toContain('Jane-Doe');
    expect(JSON.parse(text)).toMatchObject({ status: 414, code: 'uri_too_long' });
    expect(JSON.parse(text)).not.toHaveProperty('instance');
  });

  it("never repeats a very long path in a problem's instance", async () => {
    const response = await fetch(`${server.url}/api/no-such-thing/${'Jane-Doe/'.repeat(40)}`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toContain('Jane-Doe');
    expect(JSON.parse(text)).toMatchObject({ status: 404, code: 'not_found' });
  });
});

describe('security headers', () => {
  it('sets CSP with frame-ancestors, X-Frame-Options, nosniff and Referrer-Policy on every answer', async () => {
    for (const path of ['/api/me', '/healthz', '/api/no-such-thing', '/api/docs/']) {
      const response = await fetch(`${server.url}${path}`);
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy, path).toMatch(/default-src 'self'/);
      expect(policy, path).toMatch(/frame-ancestors 'none'/);
      expect(policy, path).toMatch(/object-src 'none'/);
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
    }
  });

  it('sends Cache-Control: no-store with API JSON that holds patient data', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const patients = await clinician.request('GET', '/api/patients');
    expect(patients.status).toBe(200);
    expect(patients.headers.get('cache-control')).toBe('no-store');
    const refused = await server.anonymous.request('GET', '/api/patients');
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });

  it('sends HSTS only when Tandem is served under an https public URL', async () => {
    expect((await fetch(`${server.url}/healthz`)).headers.get('strict-transport-security')).toBeNull();
    const behindHttps = await startTestServer({ demo: false, publicUrl: 'https://tandem.example.org' });
    try {
      // The public name does not resolve here: the request goes to the app without the network.
      const hsts = (await behindHttps.app.inject({ url: '/healthz' })).headers['strict-transport-security'];
      expect(hsts).toMatch(/max-age=31536000/);
      expect(hsts).toMatch(/includeSubDomains/);
    } finally {
      await behindHttps.close();
    }
  });
});
