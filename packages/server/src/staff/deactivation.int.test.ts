import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { finished, lineMatching, startTandemCli } from '../testing/cli-process.ts';
import { testLeg } from '../testing/test-database.ts';
import { freePort, startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import type { StaffMember } from './schemas.ts';

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer({ sessionCacheSeconds: 5 });
  admin = await server.signIn(demoAccountFor('admin').email);
});
afterAll(async () => {
  await server?.close();
});

async function staffMemberOf(email: string): Promise<StaffMember> {
  const { body } = await admin.json<{ items: StaffMember[] }>('GET', '/api/staff');
  const member = body.items.find((candidate) => candidate.email === email);
  if (member === undefined) throw new Error(`No staff member ${email}`);
  return member;
}

describe('POST /api/staff/:id/deactivate', () => {
  it('is for administrators only', async () => {
    const clinician = await server.signIn(demoAccountFor('clinician').email);
    const target = await staffMemberOf(demoAccountFor('front_desk').email);
    const { status } = await clinician.json('POST', `/api/staff/${target.id}/deactivate`, {});
    expect(status).toBe(403);
    expect((await staffMemberOf(demoAccountFor('front_desk').email)).active).toBe(true);
  });

  it('answers 404 for an unknown staff member and 409 for the administrator themself', async () => {
    const unknown = await admin.json(
      'POST',
      '/api/staff/01900000-0000-7000-8000-000000000000/deactivate',
      {},
    );
    expect(unknown.status).toBe(404);
    const self = await staffMemberOf(demoAccountFor('admin').email);
    const refused = await admin.json('POST', `/api/staff/${self.id}/deactivate`, {});
    expect(refused.status).toBe(409);
  });

  it('ends the person’s sessions at once on this process, although they are cached, and stops new sign-ins', async () => {
    const email = demoAccountFor('supervisor').email;
    const supervisor = await server.signIn(email);
    expect((await supervisor.request('GET', '/api/me')).status).toBe(200);
    const target = await staffMemberOf(email);

    const { status, body } = await admin.json<StaffMember>('POST', `/api/staff/${target.id}/deactivate`, {});
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: target.id, active: false, version: target.version + 1 });
    expect((await supervisor.request('GET', '/api/me')).status).toBe(401);

    const again = await server.anonymous.json('POST', '/api/auth/sign-in/email', {
      email,
      password: demoPassword,
    });
    expect(again.status).toBe(403);
    expect(again.body).toMatchObject({ code: 'account_inactive' });

    const events = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resourceType', 'resourceId', 'fieldsChanged', 'actorRole'])
      .where('action', 'in', ['deactivate', 'revoke_sessions'])
      .orderBy('sequence')
      .execute();
    expect(events).toEqual([
      {
        action: 'deactivate',
        resourceType: 'staff_member',
        resourceId: target.id,
        fieldsChanged: ['active'],
        actorRole: 'admin',
      },
      expect.objectContaining({ action: 'revoke_sessions', resourceType: 'session', actorRole: 'admin' }),
    ]);
  });
});

// Two processes on one database: only PostgreSQL serves several processes (PGlite is embedded in one).
describe.runIf(testLeg() === 'postgres')('deactivation seen by another process', () => {
  let other: ChildProcess | undefined;
  let otherDataDir: string | undefined;

  afterAll(async () => {
    if (other !== undefined && other.exitCode === null) {
      const exited = finished(other);
      other.kill('SIGTERM');
      await exited;
    }
    if (otherDataDir !== undefined) await rm(otherDataDir, { recursive: true, force: true });
  });

  it('refuses the person’s session on the other process within 10 seconds, with its 5-second cache on', async () => {
    const port = await freePort();
    otherDataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-second-process-'));
    other = startTandemCli(['serve', '--port', String(port)], {
      DATABASE_URL: server.databaseUrl as string,
      TANDEM_AUTH_SECRET: server.authSecret,
      TANDEM_DATA_DIR: otherDataDir,
      TANDEM_PUBLIC_URL: `http://127.0.0.1:${port}`,
      HOST: '127.0.0.1',
      TANDEM_SESSION_CACHE_SECONDS: '5',
      LOG_LEVEL: 'silent',
    });
    await lineMatching(other, /Tandem is running at/);
    const onOther = (cookie: string) =>
      fetch(`http://127.0.0.1:${port}/api/me`, { headers: { cookie } }).then((response) => response.status);

    const email = demoAccountFor('prescriber').email;
    const prescriber = await server.signIn(email);
    // The other process resolves the session and caches it.
    expect(await onOther(prescriber.cookie as string)).toBe(200);
    expect(await onOther(prescriber.cookie as string)).toBe(200);

    const target = await staffMemberOf(email);
    const deactivatedAt = Date.now();
    expect((await admin.request('POST', `/api/staff/${target.id}/deactivate`, {})).status).toBe(200);
    expect((await prescriber.request('GET', '/api/me')).status).toBe(401);

    let refusedAfterMs: number | undefined;
    while (Date.now() - deactivatedAt < 12_000) {
      if ((await onOther(prescriber.cookie as string)) === 401) {
        refusedAfterMs = Date.now() - deactivatedAt;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(refusedAfterMs).toBeDefined();
    expect(refusedAfterMs).toBeLessThanOrEqual(10_000);
  });
});
