import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('sign out everywhere', () => {
  it('ends every session of the person at once, clears this cookie, and audits it', async () => {
    const email = demoAccountFor('supervisor').email;
    const laptop = await server.signIn(email);
    const phone = await server.signIn(email);
    const other = await server.signIn(demoAccountFor('prescriber').email);
    for (const client of [laptop, phone, other])
      expect((await client.request('GET', '/api/me')).status).toBe(200);

    const response = await laptop.request('POST', '/api/me/sessions/revoke-all', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revoked: 2 });
    expect(response.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^tandem\.session_token=; Max-Age=0/),
    ]);
    // Cached for 5 seconds, yet refused at once on this process.
    expect((await laptop.request('GET', '/api/me')).status).toBe(401);
    expect((await phone.request('GET', '/api/me')).status).toBe(401);
    expect((await other.request('GET', '/api/me')).status).toBe(200);
    const event = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'resourceType', 'reason'])
      .where('action', '=', 'revoke_sessions')
      .executeTakeFirst();
    expect(event).toEqual({
      action: 'revoke_sessions',
      resourceType: 'session',
      reason: 'signed out everywhere (2 sessions)',
    });
  });

  it('is for signed-in people only', async () => {
    expect((await server.anonymous.request('POST', '/api/me/sessions/revoke-all', {})).status).toBe(401);
  });
});

describe('changing the password', () => {
  const email = demoAccountFor('front_desk').email;

  it('says on the field why a new password is refused', async () => {
    const client = await server.signIn(email);
    const cases: [string, RegExp][] = [
      ['short', /at least 12 characters/],
      ['qwerty123456', /most common passwords/],
      ['frontdesk-rules-2026', /email name/],
    ];
    for (const [newPassword, message] of cases) {
      const { status, body } = await client.json('POST', '/api/me/password', {
        currentPassword: demoPassword,
        newPassword,
      });
      expect(status).toBe(400);
      expect(body).toMatchObject({
        errors: [{ path: 'body.newPassword', message: expect.stringMatching(message) }],
      });
    }
    const wrongCurrent = await client.json('POST', '/api/me/password', {
      currentPassword: 'not-my-password',
      newPassword: 'violet-harbor-tram-42',
    });
    expect(wrongCurrent.status).toBe(400);
    expect(wrongCurrent.body).toMatchObject({ errors: [{ path: 'body.currentPassword' }] });
  });

  it('changes it, keeps this session, ends the others, and the new password signs in', async () => {
    const client = await server.signIn(email);
    const elsewhere = await server.signIn(email);
    const response = await client.request('POST', '/api/me/password', {
      currentPassword: demoPassword,
      newPassword: 'violet-harbor-tram-42',
    });
    expect(response.status).toBe(200);
    expect((await client.request('GET', '/api/me')).status).toBe(200);
    expect((await elsewhere.request('GET', '/api/me')).status).toBe(401);
    await expect(server.signIn(email)).rejects.toThrow(/401/);
    const fresh = await server.signIn(email, 'violet-harbor-tram-42');
    expect((await fresh.request('GET', '/api/me')).status).toBe(200);
  });

  it('holds better-auth’s own change-password endpoint to the same policy', async () => {
    const client = await server.signIn(demoAccountFor('prescriber').email);
    const { status, body } = await client.json('POST', '/api/auth/change-password', {
      currentPassword: demoPassword,
      newPassword: 'password1234',
    });
    expect(status).toBe(400);
    expect(body).toMatchObject({
      errors: [{ path: 'body.newPassword', message: expect.stringMatching(/most common/) }],
    });
  });
});

type Me = { user: { id: string }; organization: { id: string } };

/** The newest audit event with this action is exactly the one the signed-in person `me` made (all its fields). */
async function expectLastEvent(me: Me, role: string, event: Record<string, unknown>) {
  const row = await server.database.db
    .selectFrom('auditEvents')
    .selectAll()
    .where('action', '=', event.action as string)
    .orderBy('sequence', 'desc')
    .executeTakeFirstOrThrow();
  expect(row).toMatchObject({
    organizationId: me.organization.id,
    actorUserId: me.user.id,
    actorRole: role,
    patientId: null,
    outcome: 'allowed',
    ...event,
  });
}

describe('the audit trail of account security, on the record kernel', () => {
  it('audits a password change as the person changing their own account, with the sessions it ended', async () => {
    const client = await server.signIn(demoAccountFor('clinician').email);
    await server.signIn(demoAccountFor('clinician').email);
    const me = await client.json<Me>('GET', '/api/me');
    const response = await client.request('POST', '/api/me/password', {
      currentPassword: demoPassword,
      newPassword: 'amber-lantern-quay-17',
    });
    expect(response.status).toBe(200);
    await expectLastEvent(me.body, 'clinician', {
      action: 'change_password',
      resourceType: 'user_account',
      resourceId: me.body.user.id,
      fieldsChanged: ['password'],
      reason: 'other sessions ended (1)',
    });
  });

  it('audits a change of the sign-in policy as the administrator’s update of the organization’s settings', async () => {
    const admin = await server.signIn(demoAccountFor('admin').email);
    const me = await admin.json<Me>('GET', '/api/me');
    const current = await admin.json<{ twoFactorRequiredRoles: string[]; version: number }>(
      'GET',
      '/api/organization/sign-in-policy',
    );
    const changed = await admin.json('PUT', '/api/organization/sign-in-policy', {
      twoFactorRequiredRoles: [...current.body.twoFactorRequiredRoles, 'supervisor'],
      version: current.body.version,
    });
    expect(changed.status).toBe(200);
    await expectLastEvent(me.body, 'admin', {
      action: 'update',
      resourceType: 'organization_settings',
      resourceId: me.body.organization.id,
      fieldsChanged: ['two_factor_required_roles'],
      reason: null,
    });
    const stale = await admin.json('PUT', '/api/organization/sign-in-policy', {
      twoFactorRequiredRoles: [],
      version: current.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'version_conflict', current: changed.body });
  });
});
