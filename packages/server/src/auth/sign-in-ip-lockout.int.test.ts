import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { throttleRules } from './sign-in-throttle.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('lockout of a client address', () => {
  it('refuses every sign-in from an address after 20 failures across different emails', async () => {
    const limit = throttleRules.ip.maxFailures;
    for (let attempt = 1; attempt <= limit; attempt++) {
      const response = await server.anonymous.request('POST', '/api/auth/sign-in/email', {
        email: `guess-${attempt}@demo.tandem.test`,
        password: 'not-a-real-password',
      });
      expect(response.status).toBe(401);
    }
    const refused = await server.anonymous.json('POST', '/api/auth/sign-in/email', {
      email: demoAccountFor('clinician').email,
      password: demoPassword,
    });
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ code: 'sign_in_locked' });
  });
});
