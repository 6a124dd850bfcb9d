import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword, demoTotpSecret } from '../demo/demo-accounts.ts';
import { cookiesSetBy, startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { unusedTotpCode } from '../testing/totp-codes.ts';
import { currentTotpCode, secretFromTotpUri } from './totp.ts';

let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.signIn(demoAccountFor('admin').email);
});
afterAll(async () => {
  await server?.close();
});

const adminAccount = demoAccountFor('admin');
const clinicianAccount = demoAccountFor('clinician');

/** A client carrying the cookies of a password sign-in that still waits for its second step. */
async function passwordStep(email: string, password = demoPassword) {
  const response = await server.anonymous.request('POST', '/api/auth/sign-in/email', { email, password });
  const body = (await response.json()) as { twoFactorRequired?: boolean; methods?: string[] };
  return { response, body, pending: clientWith(cookiesSetBy(response).join('; ')) };
}

function clientWith(cookie: string): TestClient {
  return {
    cookie,
    request: (method, path, body, headers = {}) =>
      server.anonymous.request(method, path, body, { cookie, ...headers }),
    async json(method, path, body) {
      const response = await this.request(method, path, body);
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as never };
    },
  };
}

async function auditActions(userEmail: string) {
  const user = await server.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', userEmail)
    .executeTakeFirstOrThrow();
  const rows = await server.database.db
    .selectFrom('auditEvents')
    .select(['action', 'resourceType', 'outcome', 'reason'])
    .where('actorUserId', '=', user.id)
    .orderBy('sequence')
    .execute();
  return rows;
}

async function setPolicy(roles: string[]) {
  const current = await admin.json<{ version: number }>('GET', '/api/organization/sign-in-policy');
  const { status, body } = await admin.json('PUT', '/api/organization/sign-in-policy', {
    twoFactorRequiredRoles: roles,
    version: current.body.version,
  });
  expect(status).toBe(200);
  return body;
}

describe('signing in with two-step verification', () => {
  it('asks the demo admin for a code after the password, and gives no session before it', async () => {
    const { response, body, pending } = await passwordStep(adminAccount.email);
    expect(response.status).toBe(200);
    expect(body).toEqual({ twoFactorRequired: true, methods: ['totp'] });
    expect(pending.cookie).not.toMatch(/session_token=/);
    expect((await pending.request('GET', '/api/me')).status).toBe(401);
  });

  it('refuses a wrong code with a field message and audits it, then accepts the right code', async () => {
    const { pending } = await passwordStep(adminAccount.email);
    const wrong = await pending.json<{ code: string; errors: { path: string }[] }>(
      'POST',
      '/api/auth/two-factor/verify-totp',
      { code: '000000' === (await currentTotpCode(demoTotpSecret)) ? '111111' : '000000' },
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors).toEqual([{ path: 'body.code', message: expect.stringMatching(/not right/) }]);

    const right = await pending.request('POST', '/api/auth/two-factor/verify-totp', {
      code: await unusedTotpCode(server.database.db, adminAccount.email, demoTotpSecret),
    });
    expect(right.status).toBe(200);
    const signedIn = clientWith(cookiesSetBy(right).join('; '));
    const me = await signedIn.json<{ user: { email: string } }>('GET', '/api/me');
    expect(me.body.user.email).toBe(adminAccount.email);
    const security = await signedIn.json('GET', '/api/me/security');
    expect(security.body).toMatchObject({
      twoFactor: { enabled: true, required: true, enrolmentRequired: false },
    });

    const actions = await auditActions(adminAccount.email);
    expect(actions).toContainEqual({
      action: 'sign_in_failed',
      resourceType: 'session',
      outcome: 'denied',
      reason: 'wrong authenticator code',
    });
    expect(actions).toContainEqual({
      action: 'sign_in',
      resourceType: 'session',
      outcome: 'allowed',
      reason: 'password and authenticator code',
    });
  });

  it('refuses a replayed TOTP code within its period', async () => {
    const code = await unusedTotpCode(server.database.db, adminAccount.email, demoTotpSecret);
    const first = await passwordStep(adminAccount.email);
    expect((await first.pending.request('POST', '/api/auth/two-factor/verify-totp', { code })).status).toBe(
      200,
    );

    const second = await passwordStep(adminAccount.email);
    const replayed = await second.pending.request('POST', '/api/auth/two-factor/verify-totp', { code });
    expect(replayed.status).toBe(401);
    expect(cookiesSetBy(replayed).some((cookie) => cookie.includes('session_token'))).toBe(false);
    expect(await replayed.json()).toMatchObject({
      code: 'totp_code_used',
      errors: [{ path: 'body.code', message: expect.stringMatching(/used already/) }],
    });
    expect(await auditActions(adminAccount.email)).toContainEqual({
      action: 'sign_in_failed',
      resourceType: 'session',
      outcome: 'denied',
      reason: 'authenticator code used already',
    });
  });

  it('accepts one code for only one of two simultaneous sign-ins', async () => {
    const code = await unusedTotpCode(server.database.db, adminAccount.email, demoTotpSecret);
    const [one, two] = await Promise.all([
      passwordStep(adminAccount.email),
      passwordStep(adminAccount.email),
    ]);
    const answers = await Promise.all(
      [one, two].map((step) => step.pending.request('POST', '/api/auth/two-factor/verify-totp', { code })),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 401]);
  });

  it('checks the code format before asking better-auth', async () => {
    const { pending } = await passwordStep(adminAccount.email);
    const { status, body } = await pending.json('POST', '/api/auth/two-factor/verify-totp', { code: '12ab' });
    expect(status).toBe(400);
    expect(body).toMatchObject({ errors: [{ path: 'body.code' }] });
  });

  it('signs in with a recovery code once: regenerated codes replace the old ones, and a used one fails', async () => {
    const wrongPassword = await admin.json('POST', '/api/auth/two-factor/generate-backup-codes', {
      password: 'not-the-password',
    });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.body).toMatchObject({ errors: [{ path: 'body.password' }] });

    const { status, body } = await admin.json<{ backupCodes: string[] }>(
      'POST',
      '/api/auth/two-factor/generate-backup-codes',
      { password: demoPassword },
    );
    expect(status).toBe(200);
    expect(body.backupCodes).toHaveLength(10);
    const [code] = body.backupCodes;

    const first = await passwordStep(adminAccount.email);
    const used = await first.pending.request('POST', '/api/auth/two-factor/verify-backup-code', { code });
    expect(used.status).toBe(200);
    expect((await clientWith(cookiesSetBy(used).join('; ')).request('GET', '/api/me')).status).toBe(200);

    const second = await passwordStep(adminAccount.email);
    const again = await second.pending.json('POST', '/api/auth/two-factor/verify-backup-code', { code });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ errors: [{ path: 'body.code' }] });
    expect(await auditActions(adminAccount.email)).toContainEqual(
      expect.objectContaining({ action: 'regenerate_recovery_codes', resourceType: 'user_account' }),
    );
  });

  it('will not turn two-step verification off where the organization requires it', async () => {
    const { status, body } = await admin.json('POST', '/api/auth/two-factor/disable', {
      password: demoPassword,
    });
    expect(status).toBe(403);
    expect(body).toMatchObject({ code: 'two_factor_required' });
  });
});

describe('required two-step verification for a role', () => {
  it('holds an unenrolled clinician at enrolment until they prove a code, then lets them work', async () => {
    await setPolicy(['admin', 'clinician']);
    const clinician = await server.signIn(clinicianAccount.email);

    const security = await clinician.json('GET', '/api/me/security');
    expect(security.body).toMatchObject({
      twoFactor: { enabled: false, required: true, enrolmentRequired: true },
    });
    expect((await clinician.request('GET', '/api/me')).status).toBe(200);
    const held = await clinician.json<{ code: string; reason: string; detail: string }>('GET', '/api/staff');
    expect(held.status).toBe(403);
    expect(held.body.reason).toBe('two_factor_enrolment_required');
    expect(held.body.detail).toMatch(/two-step verification/);

    const badPassword = await clinician.json('POST', '/api/auth/two-factor/enable', {
      password: 'wrong-password',
    });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body).toMatchObject({ errors: [{ path: 'body.password' }] });

    const enabled = await clinician.json<{ totpUri: string; backupCodes: string[] }>(
      'POST',
      '/api/auth/two-factor/enable',
      { password: demoPassword },
    );
    expect(enabled.status).toBe(200);
    expect(enabled.body.totpUri).toMatch(/^otpauth:\/\/totp\/Tandem:clinician%40demo\.tandem\.test\?secret=/);
    expect(enabled.body.backupCodes).toHaveLength(10);
    const secret = secretFromTotpUri(enabled.body.totpUri);

    // Not on until a code is proved: still held.
    expect((await clinician.request('GET', '/api/staff')).status).toBe(403);
    const proved = await clinician.request('POST', '/api/auth/two-factor/verify-totp', {
      code: await unusedTotpCode(server.database.db, clinicianAccount.email, secret),
    });
    expect(proved.status).toBe(200);
    const enrolled = clientWith(cookiesSetBy(proved).join('; '));
    expect((await enrolled.request('GET', '/api/staff')).status).toBe(200);
    expect(await auditActions(clinicianAccount.email)).toContainEqual(
      expect.objectContaining({
        action: 'enable_two_factor',
        resourceType: 'user_account',
        outcome: 'allowed',
      }),
    );

    // From now on the clinician's sign-in asks for the code too.
    const step = await passwordStep(clinicianAccount.email);
    expect(step.body.twoFactorRequired).toBe(true);
    const again = await server.signIn(clinicianAccount.email, demoPassword, { totpSecret: secret });
    expect((await again.request('GET', '/api/staff')).status).toBe(200);

    // Required: cannot be turned off. No longer required: can.
    expect(
      (await again.request('POST', '/api/auth/two-factor/disable', { password: demoPassword })).status,
    ).toBe(403);
    await setPolicy(['admin']);
    await new Promise((resolve) => setTimeout(resolve, 5_100)); // the session cache holds the old requirement
    const off = await again.request('POST', '/api/auth/two-factor/disable', { password: demoPassword });
    expect(off.status).toBe(200);
    const plain = await passwordStep(clinicianAccount.email);
    expect(plain.body).toMatchObject({ user: { email: clinicianAccount.email } });
  });

  it('locks the second step after 5 wrong codes in a row, even for the right code afterwards', async () => {
    await server.signIn(adminAccount.email); // a right code resets the count of wrong ones
    const { pending } = await passwordStep(adminAccount.email);
    const wrongCode = (await currentTotpCode(demoTotpSecret)) === '123456' ? '654321' : '123456';
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(
        (await pending.request('POST', '/api/auth/two-factor/verify-totp', { code: wrongCode })).status,
      ).toBe(401);
    }
    const fresh = await passwordStep(adminAccount.email);
    const locked = await fresh.pending.json('POST', '/api/auth/two-factor/verify-totp', {
      code: await unusedTotpCode(server.database.db, adminAccount.email, demoTotpSecret),
    });
    expect(locked.status).toBe(429);
    expect(locked.body).toMatchObject({ code: 'account_temporarily_locked' });
  });
});

describe('the sign-in policy setting', () => {
  it('is read and changed by administrators only, with optimistic versions', async () => {
    const clinician = await server.signIn(clinicianAccount.email);
    expect((await clinician.request('GET', '/api/organization/sign-in-policy')).status).toBe(403);
    const current = await admin.json<{ twoFactorRequiredRoles: string[]; version: number }>(
      'GET',
      '/api/organization/sign-in-policy',
    );
    expect(current.body.twoFactorRequiredRoles).toEqual(['admin']);
    const stale = await admin.json('PUT', '/api/organization/sign-in-policy', {
      twoFactorRequiredRoles: ['admin', 'prescriber'],
      version: current.body.version - 1,
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ current: { twoFactorRequiredRoles: ['admin'] } });
    const invalid = await admin.json('PUT', '/api/organization/sign-in-policy', {
      twoFactorRequiredRoles: ['patient'],
      version: current.body.version,
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({
      errors: [{ path: expect.stringMatching(/^body\.twoFactorRequiredRoles/) }],
    });
  });
});
