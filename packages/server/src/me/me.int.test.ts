import { roles } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccounts } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('GET /api/me', () => {
  it('is 401 problem+json without a session', async () => {
    const response = await server.anonymous.request('GET', '/api/me');
    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it.each(demoAccounts.map((account) => [account.role, account] as const))(
    'tells the demo %s who they are and where',
    async (role, account) => {
      const client = await server.signIn(account.email);
      const { status, body } = await client.json<{
        role: string;
        user: { email: string };
        organization: { name: string; isDemo: boolean; timeZone: string };
        staffMemberId: string | null;
      }>('GET', '/api/me');
      expect(status).toBe(200);
      expect(roles).toContain(body.role);
      expect(body.role).toBe(role);
      expect(body.user.email).toBe(account.email);
      expect(body.organization).toMatchObject({ name: 'Demo Recovery Center', isDemo: true });
      // The program's calendar, by which the web app proposes today's date.
      expect(body.organization.timeZone).toMatch(/^[A-Za-z_]+\/[A-Za-z_]+$/);
      expect(body.staffMemberId === null).toBe(role === 'patient' || role === 'family_member');
    },
  );
});
