import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { StaffMember } from './schemas.ts';

let server: TestServer;
let admin: TestClient;
let clinician: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn(demoAccountFor('admin').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
});

async function staffNamed(prefix: string): Promise<StaffMember> {
  const { body } = await admin.json<{ items: StaffMember[] }>('GET', '/api/staff');
  const found = body.items.find((member) => member.displayName.startsWith(prefix));
  if (found === undefined) throw new Error(`no demo staff member ${prefix}`);
  return found;
}

describe('matching attributes of a staff member', () => {
  it('shows the demo clinicians’ matching profile', async () => {
    expect(await staffNamed('Rosa Delgado')).toMatchObject({
      gender: 'woman',
      substanceExperience: { opioids: 12, alcohol: 9 },
      conditionExperience: ['ptsd', 'depression'],
      acceptsNewPatients: true,
      languages: ['es', 'en'],
    });
    expect(await staffNamed('Dana Brooks')).toMatchObject({
      gender: 'non_binary',
      approaches: expect.arrayContaining(['contingency_management']),
      // Regression: the jsonb keys came back camel-cased (otherStimulants) and failed the response schema.
      substanceExperience: { other_stimulants: 7, cocaine: 6, cannabis: 2 },
    });
  });

  it('lets an administrator set them, audited, and refuses a stale version with 409 and the current record', async () => {
    const morgan = await staffNamed('Morgan Lee');
    const head =
      (await auditRepository(server.database.db).chainHead(morgan.organizationId))?.lastSequence ?? 0;
    const change = {
      version: morgan.version,
      gender: 'non_binary',
      substanceExperience: { alcohol: 6, cannabis: 0, opioids: 2 },
      conditionExperience: ['anxiety', 'ptsd'],
      acceptsNewPatients: false,
      maxCaseload: null,
      approaches: ['family_therapy', 'trauma_focused'],
      languages: ['en', 'pt-BR'],
    };
    const updated = await admin.json<StaffMember>('PATCH', `/api/staff/${morgan.id}`, change);
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      gender: 'non_binary',
      // A class with no years is not kept.
      substanceExperience: { alcohol: 6, opioids: 2 },
      conditionExperience: ['anxiety', 'ptsd'],
      acceptsNewPatients: false,
      maxCaseload: null,
      approaches: ['family_therapy', 'trauma_focused'],
      languages: ['en', 'pt-BR'],
      version: morgan.version + 1,
    });
    expect(Object.keys(updated.body.substanceExperience).sort()).toEqual(['alcohol', 'opioids']);
    const [event] = (
      await auditRepository(server.database.db).eventsAfter(morgan.organizationId, head, 10)
    ).filter((e) => e.resourceType === 'staff_member');
    expect(event?.fieldsChanged).toEqual(
      expect.arrayContaining(['gender', 'substanceExperience', 'acceptsNewPatients']),
    );

    const stale = await admin.json<{ code: string; current: StaffMember }>(
      'PATCH',
      `/api/staff/${morgan.id}`,
      {
        version: morgan.version,
        acceptsNewPatients: true,
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: updated.body });
  });

  it('refuses values outside the vocabularies, each on its field, and stores nothing', async () => {
    const dana = await staffNamed('Dana Brooks');
    const { status, body } = await admin.json<{ errors: { path: string; message: string }[] }>(
      'PATCH',
      `/api/staff/${dana.id}`,
      {
        version: dana.version,
        gender: 'female',
        substanceExperience: { opioids: -1, heroin: 3 },
        conditionExperience: ['flu'],
        acceptsNewPatients: 'yes',
      },
    );
    expect(status).toBe(400);
    const paths = body.errors.map((error) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.gender', 'body.conditionExperience.0', 'body.acceptsNewPatients']),
    );
    expect(paths.some((path) => path.startsWith('body.substanceExperience'))).toBe(true);
    expect(await staffNamed('Dana Brooks')).toEqual(dana);
  });

  it('stays an administrator’s to change', async () => {
    const rosa = await staffNamed('Rosa Delgado');
    const response = await clinician.request('PATCH', `/api/staff/${rosa.id}`, {
      version: rosa.version,
      acceptsNewPatients: false,
    });
    expect(response.status).toBe(403);
  });
});

describe('the default maximum caseload', () => {
  it('is read and set by administrators only, with 409 on a stale version and a message on a bad value', async () => {
    const read = await admin.json<{ defaultMaxCaseload: number; version: number }>(
      'GET',
      '/api/organization/caseload',
    );
    expect(read.status).toBe(200);
    expect(read.body.defaultMaxCaseload).toBe(25);
    expect((await clinician.request('GET', '/api/organization/caseload')).status).toBe(403);
    expect(
      (
        await clinician.request('PUT', '/api/organization/caseload', {
          defaultMaxCaseload: 30,
          version: read.body.version,
        })
      ).status,
    ).toBe(403);

    const bad = await admin.json<{ errors: { path: string; message: string }[] }>(
      'PUT',
      '/api/organization/caseload',
      {
        defaultMaxCaseload: 0,
        version: read.body.version,
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ path: 'body.defaultMaxCaseload', message: 'Use at least 1' }]);

    const set = await admin.json('PUT', '/api/organization/caseload', {
      defaultMaxCaseload: 18,
      version: read.body.version,
    });
    expect(set).toEqual({ status: 200, body: { defaultMaxCaseload: 18, version: read.body.version + 1 } });
    const stale = await admin.json<{ code: string; current: unknown }>('PUT', '/api/organization/caseload', {
      defaultMaxCaseload: 40,
      version: read.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'version_conflict',
      current: { defaultMaxCaseload: 18, version: read.body.version + 1 },
    });
  });
});
