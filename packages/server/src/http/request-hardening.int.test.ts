import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

/** Findings of the security review (issue 12) on how the HTTP edge answers: the CSRF guard and router refusals. */
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
