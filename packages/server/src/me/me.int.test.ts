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

describe('PUT /api/me/language', () => {
  it("follows the organization until the person chooses, keeps the choice, audits it, and refuses a language Tandem isn't written in", async () => {
    const account = demoAccounts.find((candidate) => candidate.role === 'front_desk') ?? demoAccounts[0];
    const client = await server.signIn(account?.email ?? '');
    const before = await client.json<{
      language: string;
      languagePreference: string | null;
      organization: { defaultLanguage: string };
    }>('GET', '/api/me');
    expect(before.body).toMatchObject({
      language: 'en',
      languagePreference: null,
      organization: { defaultLanguage: 'en' },
    });

    const chosen = await client.json<{ language: string; languagePreference: string | null }>(
      'PUT',
      '/api/me/language',
      {
        language: 'es',
      },
    );
    expect(chosen).toMatchObject({ status: 200, body: { language: 'es', languagePreference: 'es' } });
    expect((await client.json<{ language: string }>('GET', '/api/me')).body.language).toBe('es');

    const refused = await client.json<{ errors?: unknown }>('PUT', '/api/me/language', { language: 'vi' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('language');

    const cleared = await client.json<{ language: string; languagePreference: string | null }>(
      'PUT',
      '/api/me/language',
      {
        language: null,
      },
    );
    expect(cleared.body).toMatchObject({ language: 'en', languagePreference: null });

    const events = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resourceType', 'fieldsChanged'])
      .where('action', '=', 'change_language')
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(2);
    expect(events[0]).toMatchObject({ resourceType: 'user_account', fieldsChanged: ['language'] });
  });

  it('answers 401 without a session', async () => {
    expect((await server.anonymous.request('PUT', '/api/me/language', { language: 'es' })).status).toBe(401);
  });
});
