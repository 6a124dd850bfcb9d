import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

async function staffList(client: TestClient): Promise<StaffMember[]> {
  const { status, body } = await client.json<{ items: StaffMember[] }>('GET', '/api/staff');
  expect(status).toBe(200);
  return body.items;
}

describe('staff', () => {
  it('lists the demo staff with their professional profile, to every staff role', async () => {
    for (const role of ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const) {
      const client = await server.signIn(demoAccountFor(role).email);
      const items = await staffList(client);
      expect(items.length).toBeGreaterThanOrEqual(7);
    }
    const casey = (await staffList(clinician)).find(
      (member) => member.email === demoAccountFor('clinician').email,
    );
    expect(casey).toMatchObject({
      role: 'clinician',
      credentials: ['LCSW', 'CADC'],
      yearsAddictionExperience: 8,
      languages: ['en', 'es'],
      approaches: expect.arrayContaining(['motivational_interviewing']),
      version: 1,
    });
  });

  it('is closed to patients and family members', async () => {
    for (const role of ['patient', 'family_member'] as const) {
      const client = await server.signIn(demoAccountFor(role).email);
      const response = await client.request('GET', '/api/staff');
      expect(response.status).toBe(403);
    }
  });

  it('reads one staff member, and says 404 for an unknown id and 400 for a malformed one', async () => {
    const [first] = await staffList(clinician);
    const one = await clinician.json<StaffMember>('GET', `/api/staff/${first?.id}`);
    expect(one).toEqual({ status: 200, body: first });
    expect((await clinician.request('GET', '/api/staff/01900000-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
    const malformed = await clinician.json('GET', '/api/staff/not-an-id');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      errors: [{ path: 'params.staffMemberId', message: 'Not a staff member id' }],
    });
  });

  it('lets an administrator edit with the current version and refuses a stale version with 409 and the current record', async () => {
    const target = (await staffList(admin)).find((member) => member.displayName.startsWith('Morgan Lee'));
    if (target === undefined) throw new Error('demo staff member missing');
    const first = await admin.json<StaffMember>('PATCH', `/api/staff/${target.id}`, {
      version: target.version,
      yearsAddictionExperience: 6,
      languages: ['en', 'fr'],
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      yearsAddictionExperience: 6,
      languages: ['en', 'fr'],
      version: target.version + 1,
    });

    const stale = await admin.json<{ code: string; current: StaffMember }>(
      'PATCH',
      `/api/staff/${target.id}`,
      {
        version: target.version,
        yearsAddictionExperience: 40,
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('version_conflict');
    expect(stale.body.current).toEqual(first.body);
  });

  it('settles two simultaneous edits of one version with exactly one winner', async () => {
    const target = (await staffList(admin)).find((member) => member.displayName.startsWith('Rosa Delgado'));
    if (target === undefined) throw new Error('demo staff member missing');
    const results = await Promise.all(
      [3, 4, 5, 6].map((years) =>
        admin.json('PATCH', `/api/staff/${target.id}`, {
          version: target.version,
          yearsAddictionExperience: years,
        }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409, 409, 409]);
    const after = await admin.json<StaffMember>('GET', `/api/staff/${target.id}`);
    expect(after.body.version).toBe(target.version + 1);
  });

  it('refuses invalid fields one by one and stores nothing', async () => {
    const target = (await staffList(admin)).find((member) => member.role === 'prescriber');
    if (target === undefined) throw new Error('demo prescriber missing');
    const { status, body } = await admin.json<{ errors: { path: string }[] }>(
      'PATCH',
      `/api/staff/${target.id}`,
      {
        version: target.version,
        licenseState: 'Oregon',
        languages: [],
        approaches: ['astrology'],
        yearsAddictionExperience: -1,
      },
    );
    expect(status).toBe(400);
    expect(body.errors.map((error) => error.path).sort()).toEqual([
      'body.approaches.0',
      'body.languages',
      'body.licenseState',
      'body.yearsAddictionExperience',
    ]);
    const unchanged = await admin.json<StaffMember>('GET', `/api/staff/${target.id}`);
    expect(unchanged.body).toEqual(target);
  });

  it('lets only administrators edit', async () => {
    const [first] = await staffList(clinician);
    const response = await clinician.request('PATCH', `/api/staff/${first?.id}`, {
      version: 1,
      pronouns: 'they/them',
    });
    expect(response.status).toBe(403);
  });
});
