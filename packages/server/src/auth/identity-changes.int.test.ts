import { verifyChain } from '@tandem/core/audit/audit-chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import type { AuditLogEntry } from '../audit-log/schemas.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { userIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';

/**
 * Security review, finding 3: "Names change without a trace." A patient renamed themselves "Dr. Casey Rivera"
 * through better-auth's /api/auth/update-user, unaudited, and the audit view showed each actor's current name
 * on all their past events.
 */
let server: TestServer;
let organizationId: string;
let admin: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  organizationId = server.demo?.organizationId ?? '';
  admin = await server.signIn(demoAccountFor('admin').email);
});
afterAll(async () => {
  await server?.close();
});

async function nameOf(email: string) {
  const row = await server.database.db
    .selectFrom('users')
    .select('name')
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return row.name;
}

describe('names change without a trace (security review, finding 3)', () => {
  it('refuses a rename through the auth library’s generic update-user, and its change of email', async () => {
    const { email } = demoAccountFor('patient');
    const patient = await server.signIn(email);
    const rename = await patient.request('POST', '/api/auth/update-user', { name: 'Dr. Casey Rivera' });
    expect(rename.status).toBe(404);
    expect(rename.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await rename.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      detail: expect.stringMatching(/Tandem’s own pages/),
    });
    const newEmail = await patient.request('POST', '/api/auth/change-email', {
      newEmail: 'casey.rivera@example.org',
    });
    expect(newEmail.status).toBe(404);
    expect(await nameOf(email)).toBe(demoAccountFor('patient').name);
    const users = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'casey.rivera@example.org')
      .execute();
    expect(users).toEqual([]);
  });

  it('shows each audit event with the actor’s name and role as they were when it was written', async () => {
    const { db } = server.database;
    const { email, name: formerName } = demoAccountFor('clinician');
    const clinicianUserId = await userIdOf(db, email);
    const patient = await db
      .selectFrom('patients')
      .select('id')
      .where('organizationId', '=', organizationId)
      .where('legalGivenName', '=', 'Pat')
      .executeTakeFirstOrThrow();

    // A read (the batched writer, which hashes in the server) and a sign-out (appended in SQL).
    const before = await server.signIn(email);
    expect((await before.request('GET', `/api/patients/${patient.id}`)).status).toBe(200);
    expect((await before.request('POST', '/api/auth/sign-out', {})).status).toBe(200);

    // The name changes (as a future audited route, or an administrator's script, would change it).
    await db
      .updateTable('users')
      .set({ name: 'Casey Rivera-Stone' })
      .where('id', '=', clinicianUserId)
      .execute();
    const after = await server.signIn(email);
    expect((await after.request('GET', `/api/patients/${patient.id}`)).status).toBe(200);

    const view = await admin.json<{ items: AuditLogEntry[] }>(
      'GET',
      `/api/audit-events?userId=${clinicianUserId}&limit=20`,
    );
    expect(view.status).toBe(200);
    const [latest, ...earlier] = view.body.items;
    expect(latest).toMatchObject({
      action: 'read',
      actor: { userId: clinicianUserId, name: 'Casey Rivera-Stone', role: 'clinician' },
    });
    const signOut = earlier.find((event) => event.action === 'sign_out');
    const firstRead = earlier.find((event) => event.action === 'read' && event.patient?.id === patient.id);
    expect(signOut?.actor).toEqual({ userId: clinicianUserId, name: formerName, role: 'clinician' });
    expect(firstRead?.actor).toEqual({ userId: clinicianUserId, name: formerName, role: 'clinician' });

    const csv = await admin.request('GET', `/api/audit-events.csv?userId=${clinicianUserId}`);
    const text = await csv.text();
    expect(text).toContain(formerName);
    expect(text).toContain('Casey Rivera-Stone');

    // The recorded names are covered by the chain's hashes, and older events without one still verify.
    const audit = auditRepository(db);
    const events = await audit.eventsAfter(organizationId, 0, 100_000);
    expect(events.some((event) => event.actorName === formerName)).toBe(true);
    expect(verifyChain(events, await audit.chainHead(organizationId))).toBeUndefined();
  });
});
