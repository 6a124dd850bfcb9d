import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Setting {
  defaultLanguage: string;
  version: number;
}

describe("the organization's default language", () => {
  it('is what everyone without a choice reads; set by administrators only, audited, and refused when stale', async () => {
    const admin = await server.signIn(demoAccountFor('admin').email);
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const current = await admin.json<Setting>('GET', '/api/organization/language');
    expect(current.body.defaultLanguage).toBe('en');

    expect((await clinician.request('GET', '/api/organization/language')).status).toBe(403);
    expect(
      (
        await clinician.request('PUT', '/api/organization/language', {
          defaultLanguage: 'es',
          version: current.body.version,
        })
      ).status,
    ).toBe(403);

    const saved = await admin.json<Setting>('PUT', '/api/organization/language', {
      defaultLanguage: 'es',
      version: current.body.version,
    });
    expect(saved).toMatchObject({
      status: 200,
      body: { defaultLanguage: 'es', version: current.body.version + 1 },
    });
    const me = await clinician.json<{ language: string; languagePreference: null }>('GET', '/api/me');
    expect(me.body).toMatchObject({ language: 'es', languagePreference: null });

    const stale = await admin.json<{ code: string; current: Setting }>('PUT', '/api/organization/language', {
      defaultLanguage: 'en',
      version: current.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ defaultLanguage: 'es' });

    const unknown = await admin.json<unknown>('PUT', '/api/organization/language', {
      defaultLanguage: 'vi',
      version: saved.body.version,
    });
    expect(unknown.status).toBe(400);

    const events = await server.database.db
      .selectFrom('auditEvents')
      .select(['resourceType', 'fieldsChanged', 'outcome'])
      .where('resourceType', '=', 'organization_settings')
      .execute();
    expect(events.filter((event) => event.fieldsChanged?.includes('default_language'))).toContainEqual({
      resourceType: 'organization_settings',
      fieldsChanged: ['default_language'],
      outcome: 'allowed',
    });

    // Back to English for whoever shares this database's demo organization.
    await admin.request('PUT', '/api/organization/language', {
      defaultLanguage: 'en',
      version: saved.body.version,
    });
  });
});
