import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { staffMemberIdOf, userIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { recipientOf, startTestSmtpServer, type TestMailbox, textOf } from '../testing/test-smtp-server.ts';
import { passwordResetAnswer } from './password-reset-routes.ts';

/**
 * "Forgot password" for every account: a link by mail (a real SMTP server started here), the same answer whether
 * or not the account exists, requests counted per email, the password policy on the new password, every session
 * of the account ended, each step audited; an administrator can send a staff member a link.
 */
let mailbox: TestMailbox;
let server: TestServer;
let organizationId: string;
let admin: TestClient;

const revealing =
  /addict|substance|alcohol|opioid|drug|detox|rehab|recovery|treatment|sober|clinic|therap|counsel|diagnos/i;

beforeAll(async () => {
  mailbox = await startTestSmtpServer();
  server = await startTestServer({ smtp: { url: mailbox.url } });
  organizationId = server.demo?.organizationId ?? '';
  admin = await server.signIn(demoAccountFor('admin').email);
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

const askFor = (email: string) =>
  server.anonymous.json<{ message?: string; code?: string }>('POST', '/api/auth/request-password-reset', {
    email,
  });

const reset = (token: string, newPassword: string) =>
  server.anonymous.json<{ status?: boolean; code?: string; errors?: { path: string; message: string }[] }>(
    'POST',
    '/api/auth/reset-password',
    { token, newPassword },
  );

const seenLinks = new Set<string>();

async function linkMailedTo(email: string): Promise<{ token: string; subject: string; text: string }> {
  await server.mail.deliverDue();
  // The newest password link to this address (demo alerts reach some of the same people).
  const mail = await mailbox.waitFor(
    (candidate) =>
      recipientOf(candidate) === email &&
      textOf(candidate).includes('/reset-password/') &&
      !seenLinks.has(textOf(candidate)),
  );
  seenLinks.add(textOf(mail));
  const link = textOf(mail).match(/https?:\/\/\S+\/reset-password\/([A-Za-z0-9_-]{43})/);
  if (link?.[1] === undefined) throw new Error(`no reset link was mailed to ${email}`);
  expect(new URL(link[0]).origin).toBe(server.url);
  return { token: link[1], subject: mail.subject ?? '', text: textOf(mail) };
}

async function eventsAbout(userId: string, action: string) {
  return server.database.db
    .selectFrom('auditEvents')
    .select(['action', 'actorUserId', 'resourceType', 'outcome', 'ipAddress'])
    .where('organizationId', '=', organizationId)
    .where('resourceId', '=', userId)
    .where('action', '=', action)
    .execute();
}

describe('forgot password', () => {
  it('mails a link that sets a new password under the policy, ends every session, and is audited', async () => {
    const email = demoAccountFor('clinician').email;
    const userId = await userIdOf(server.database.db, email);
    const earlierSession = await server.signIn(email);
    expect((await earlierSession.request('GET', '/api/me')).status).toBe(200);

    expect(await askFor(email)).toEqual({ status: 200, body: { message: passwordResetAnswer } });
    const { token, subject, text } = await linkMailedTo(email);
    expect(subject).toBe('Choose a new Tandem password');
    expect(subject).not.toMatch(revealing);
    expect(text.split('\n')[0]).not.toMatch(revealing);
    expect(await eventsAbout(userId, 'request_password_reset')).toEqual([
      expect.objectContaining({ actorUserId: userId, resourceType: 'user_account', outcome: 'allowed' }),
    ]);

    // Administrators see that a link was sent, never the link.
    const outbox = await admin.json<{ items: { recipient: string; kind: string; body: string }[] }>(
      'GET',
      '/api/outbox',
    );
    const listed = outbox.body.items.find(
      (item) => item.recipient === email && item.kind === 'password_reset',
    );
    expect(listed?.body).toContain('[the password link: sent to the recipient only]');
    expect(listed?.body).not.toContain(token);

    // The password policy holds, per field.
    const short = await reset(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { path: 'body.newPassword', message: expect.stringMatching(/12 characters/) },
    ]);
    const withName = await reset(token, `${email.split('@')[0]}-harbor-2026`);
    expect(withName.status).toBe(400);
    expect(withName.body.errors?.[0]?.path).toBe('body.newPassword');

    const newPassword = 'granite-willow-compass-93';
    expect(await reset(token, newPassword)).toEqual({ status: 200, body: { status: true } });
    // Every session of the account ended; the old password no longer works, the new one does.
    expect((await earlierSession.request('GET', '/api/me')).status).toBe(401);
    const oldPassword = await server.anonymous.request('POST', '/api/auth/sign-in/email', {
      email,
      password: demoPassword,
    });
    expect(oldPassword.status).toBe(401);
    const signedIn = await server.signIn(email, newPassword);
    expect((await signedIn.request('GET', '/api/me')).status).toBe(200);
    // The link works once.
    const again = await reset(token, 'another-granite-willow-7');
    expect(again.status).toBe(400);
    expect(again.body.errors?.[0]?.path).toBe('body.token');
    expect(await eventsAbout(userId, 'reset_password')).toEqual([
      expect.objectContaining({ actorUserId: userId, resourceType: 'user_account', outcome: 'allowed' }),
    ]);
  });

  it('answers an unknown email exactly like a known one, sends it nothing, and pauses after 5 requests', async () => {
    const unknown = `nobody.${process.pid}@example.org`;
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await askFor(unknown));
    expect(
      answers.every((answer) => answer.status === 200 && answer.body.message === passwordResetAnswer),
    ).toBe(true);
    const paused = await server.anonymous.request('POST', '/api/auth/request-password-reset', {
      email: unknown,
    });
    expect(paused.status).toBe(429);
    expect(paused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(paused.headers.get('content-type')).toContain('application/problem+json');
    await server.mail.deliverDue();
    expect(mailbox.received.filter((mail) => recipientOf(mail) === unknown)).toEqual([]);
    const stored = await server.database.db
      .selectFrom('outboxMessages')
      .select('id')
      .where('recipient', '=', unknown)
      .execute();
    expect(stored).toEqual([]);
    // Bad input is a 400 with the field named.
    const bad = await server.anonymous.json<{ errors: { path: string }[] }>(
      'POST',
      '/api/auth/request-password-reset',
      { email: 'not an email' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.path).toBe('body.email');
  });

  it('lets an administrator send a staff member a link from the staff page, audited as theirs', async () => {
    const email = demoAccountFor('prescriber').email;
    const staffMemberId = await staffMemberIdOf(server.database.db, organizationId, email);
    const supervisor = await server.signIn(demoAccountFor('supervisor').email);
    expect((await supervisor.request('POST', `/api/staff/${staffMemberId}/password-reset`, {})).status).toBe(
      403,
    );

    const sent = await admin.json('POST', `/api/staff/${staffMemberId}/password-reset`, {});
    expect(sent).toEqual({ status: 200, body: { recipient: email, mailServer: true } });
    const { token, text } = await linkMailedTo(email);
    expect(text).toContain('Alex Admin, an administrator');
    const events = await server.database.db
      .selectFrom('auditEvents')
      .select(['action', 'actorRole', 'resourceType'])
      .where('organizationId', '=', organizationId)
      .where('resourceId', '=', staffMemberId)
      .where('action', '=', 'request_password_reset')
      .execute();
    expect(events).toEqual([
      { action: 'request_password_reset', actorRole: 'admin', resourceType: 'staff_member' },
    ]);
    expect((await reset(token, 'meadow-lantern-copper-55')).status).toBe(200);
    await server.signIn(email, 'meadow-lantern-copper-55');
  });
});
