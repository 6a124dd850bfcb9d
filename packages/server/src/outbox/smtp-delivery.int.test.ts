import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { addToCareTeam, insertPatient, staffMemberIdOf } from '../testing/invitation-fixtures.ts';
import { startTestServer, type TestClient, type TestServer } from '../testing/test-server.ts';
import { recipientOf, startTestSmtpServer, type TestMailbox, textOf } from '../testing/test-smtp-server.ts';
import { mailDelivery } from './delivery.ts';
import { smtpTransport } from './mail-transport.ts';
import type { OutboxMessage } from './schemas.ts';

/**
 * Mail that leaves: the outbox delivered to a real SMTP server started here, the received message parsed, its
 * link followed over HTTP; refusals retried with backoff or failed, visible to administrators, who may retry.
 */
let mailbox: TestMailbox;
let server: TestServer;
let organizationId: string;
let admin: TestClient;
let clinician: TestClient;
let counter = 0;
const freshEmail = (name: string) => {
  counter += 1;
  return `${name}.${counter}.${process.pid}@example.org`;
};

/** Words that would tell a reader of a subject or a preview that someone is in addiction treatment. */
const revealing =
  /addict|substance|alcohol|opioid|drug|detox|rehab|recovery|treatment|sober|methadone|buprenorphine|naltrexone|clinic|therap|counsel|diagnos|disorder/i;

beforeAll(async () => {
  mailbox = await startTestSmtpServer();
  server = await startTestServer({
    smtp: { url: mailbox.url, retry: { maxAttempts: 2, firstDelayMs: 60_000, maxDelayMs: 60_000 } },
  });
  organizationId = server.demo?.organizationId ?? '';
  admin = await server.signIn(demoAccountFor('admin').email);
  clinician = await server.signIn(demoAccountFor('clinician').email);
});
afterAll(async () => {
  await server?.close();
  await mailbox?.close();
});

async function outboxMessageTo(recipient: string): Promise<OutboxMessage> {
  const { status, body } = await admin.json<{ mailServer: boolean; items: OutboxMessage[] }>(
    'GET',
    '/api/outbox',
  );
  expect(status).toBe(200);
  expect(body.mailServer).toBe(true);
  const found = body.items.find((item) => item.recipient === recipient);
  if (found === undefined) throw new Error(`no outbox message to ${recipient}`);
  return found;
}

async function inviteStaff(email: string) {
  const { status } = await admin.json('POST', '/api/invitations/staff', {
    displayName: 'Robin Vale',
    email,
    jobRole: 'front_desk',
  });
  expect(status).toBe(201);
}

/** Makes a message waiting for its retry due now (the test does not wait out the backoff). */
async function makeDue(recipient: string) {
  await server.database.db
    .updateTable('outboxMessages')
    .set({ nextAttemptAt: sql<Date>`now()` })
    .where('recipient', '=', recipient)
    .where('nextAttemptAt', 'is not', null)
    .execute();
}

async function deliveryEvents(messageId: string) {
  return server.database.db
    .selectFrom('auditEvents')
    .select(['action', 'actorRole', 'actorUserId', 'outcome', 'reason'])
    .where('organizationId', '=', organizationId)
    .where('resourceType', '=', 'outbox_message')
    .where('resourceId', '=', messageId)
    .orderBy('sequence')
    .execute();
}

describe('delivering the outbox by SMTP', () => {
  it('sends a patient’s invitation with a Part 2-safe subject; its link, followed over HTTP, accepts it', async () => {
    const { db } = server.database;
    const email = freshEmail('lee');
    const patientId = await insertPatient(db, organizationId, { given: 'Lee', family: 'Moreno', email });
    const clinicianStaffId = await staffMemberIdOf(db, organizationId, demoAccountFor('clinician').email);
    await addToCareTeam(db, organizationId, patientId, clinicianStaffId, 'primary_therapist');
    const created = await clinician.json('POST', `/api/patients/${patientId}/invitation`, {});
    expect(created.status).toBe(201);
    expect((await outboxMessageTo(email)).delivery.state).toBe('queued');

    const pass = await server.mail.deliverDue();
    expect(pass.sent).toBeGreaterThanOrEqual(1);
    const mail = await mailbox.waitFor((candidate) => recipientOf(candidate) === email);
    expect(mail.subject).toBe('You are invited to Tandem');
    expect(mail.subject).not.toMatch(revealing);
    expect(mail.from?.text).toContain('tandem@example.org');
    expect(mail.messageId).toMatch(/@tandem\.invalid>?$/);

    const link = textOf(mail).match(/https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]{43}/)?.[0];
    if (link === undefined) throw new Error('the message carries no invitation link');
    expect(new URL(link).origin).toBe(server.url);
    const token = new URL(link).pathname.split('/').at(-1);
    const preview = await server.anonymous.json<{ kind: string }>('GET', `/api/invitations/${token}`);
    expect(preview).toMatchObject({ status: 200, body: { kind: 'patient' } });
    const accepted = await server.anonymous.json('POST', `/api/invitations/${token}/accept`, {
      name: 'Lee Moreno',
      password: 'lantern-orchard-mosaic-81',
    });
    expect(accepted.status).toBe(201);
    await server.signIn(email, 'lantern-orchard-mosaic-81');

    const message = await outboxMessageTo(email);
    expect(message.delivery).toMatchObject({
      state: 'sent',
      attempts: 1,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(message.sentAt).not.toBeNull();
    expect(message.invitationStatus).toBe('accepted');
    // Sent by Tandem itself, in the organization's trail.
    expect(await deliveryEvents(message.id)).toEqual([
      { action: 'send', actorRole: 'system', actorUserId: null, outcome: 'allowed', reason: null },
    ]);
    // Nothing is sent twice.
    expect(await server.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it('tries again with backoff when the server answers 451, then marks the message failed with its reason', async () => {
    const email = freshEmail('robin');
    mailbox.refuseRecipients({ code: 451, message: 'Try again later' });
    try {
      await inviteStaff(email);
      const before = Date.now();
      expect((await server.mail.deliverDue()).retrying).toBeGreaterThanOrEqual(1);
      const retrying = await outboxMessageTo(email);
      expect(retrying.delivery).toMatchObject({ state: 'retrying', attempts: 1 });
      expect(retrying.delivery.lastError).toMatch(/^451 /);
      const next = Date.parse(retrying.delivery.nextAttemptAt ?? '');
      expect(next - before).toBeGreaterThan(50_000);
      expect(next - before).toBeLessThan(70_000);
      // Not due yet: the next pass leaves it.
      expect((await server.mail.deliverDue()).retrying).toBe(0);

      await makeDue(email);
      expect((await server.mail.deliverDue()).failed).toBeGreaterThanOrEqual(1);
      const failed = await outboxMessageTo(email);
      expect(failed.delivery).toMatchObject({ state: 'failed', attempts: 2, nextAttemptAt: null });
      expect(failed.delivery.lastError).toMatch(/^451 .*Try again later/);
      expect((await deliveryEvents(failed.id)).map((event) => [event.action, event.outcome])).toEqual([
        ['send_failed', 'allowed'],
        ['send_failed', 'allowed'],
      ]);
    } finally {
      mailbox.refuseRecipients(null);
    }
  });

  it('fails at once on 550, keeps only the server’s answer (no address), and lets an administrator retry now', async () => {
    const email = freshEmail('kai');
    mailbox.refuseRecipients({ code: 550, message: `No mailbox here by that name: <${email}>` });
    await inviteStaff(email);
    expect((await server.mail.deliverDue()).failed).toBeGreaterThanOrEqual(1);
    mailbox.refuseRecipients(null);
    const failed = await outboxMessageTo(email);
    expect(failed.delivery).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.delivery.lastError).toMatch(/^550 /);
    expect(failed.delivery.lastError).not.toContain('@');
    expect(failed.delivery.lastError).not.toContain(email.split('@')[0]);

    // Only administrators retry; a bad id is a 400, another's or no message a 404.
    expect((await clinician.request('POST', `/api/outbox/${failed.id}/retry`)).status).toBe(403);
    expect((await admin.request('POST', '/api/outbox/not-an-id/retry')).status).toBe(400);
    expect((await admin.request('POST', `/api/outbox/${organizationId}/retry`)).status).toBe(404);

    const retried = await admin.json<OutboxMessage>('POST', `/api/outbox/${failed.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.delivery).toMatchObject({ state: 'queued', attempts: 0, failedAt: null });
    // A message that is not failed is not retried.
    expect((await admin.request('POST', `/api/outbox/${failed.id}/retry`)).status).toBe(409);
    const events = await deliveryEvents(failed.id);
    expect(events.at(-1)).toMatchObject({ action: 'update', actorRole: 'admin', outcome: 'allowed' });

    await server.mail.deliverDue();
    await mailbox.waitFor((mail) => recipientOf(mail) === email);
    expect((await outboxMessageTo(email)).delivery.state).toBe('sent');
  });

  it('never sends one message twice when two workers deliver at once', async () => {
    const emails = Array.from({ length: 6 }, () => freshEmail('pair'));
    for (const email of emails) await inviteStaff(email);
    const second = mailDelivery({
      records: recordKernel(server.database.db),
      transport: smtpTransport(
        { host: '127.0.0.1', port: mailbox.port, secure: false, user: undefined, password: undefined },
        'Tandem <tandem@example.org>',
      ),
      batchSize: 2,
    });
    try {
      const passes = await Promise.all([server.mail.deliverDue(), second.deliverDue(), second.deliverDue()]);
      expect(passes.reduce((sum, pass) => sum + pass.sent, 0)).toBe(emails.length);
    } finally {
      second.close();
    }
    for (const email of emails) {
      await mailbox.waitFor((mail) => recipientOf(mail) === email);
      expect(mailbox.received.filter((mail) => recipientOf(mail) === email)).toHaveLength(1);
    }
  });

  it('retries when the mail server refuses the connection (run last: it stops the mail server)', async () => {
    const email = freshEmail('noserver');
    await mailbox.close();
    await inviteStaff(email);
    expect((await server.mail.deliverDue()).retrying).toBeGreaterThanOrEqual(1);
    const message = await outboxMessageTo(email);
    expect(message.delivery.state).toBe('retrying');
    expect(message.delivery.lastError).toBe('the mail server refused the connection (ECONNREFUSED)');
  });
});

describe('without a mail server', () => {
  it('keeps messages queued in the outbox and says that no mail server is configured', async () => {
    const plain = await startTestServer();
    try {
      const plainAdmin = await plain.signIn(demoAccountFor('admin').email);
      const email = freshEmail('unsent');
      expect(
        (
          await plainAdmin.json('POST', '/api/invitations/staff', {
            displayName: 'Ari Unsent',
            email,
            jobRole: 'clinician',
          })
        ).status,
      ).toBe(201);
      expect(await plain.mail.deliverDue()).toEqual({ sent: 0, retrying: 0, failed: 0 });
      const { body } = await plainAdmin.json<{ mailServer: boolean; items: OutboxMessage[] }>(
        'GET',
        '/api/outbox',
      );
      expect(body.mailServer).toBe(false);
      expect(body.items.find((item) => item.recipient === email)?.delivery).toMatchObject({
        state: 'queued',
        attempts: 0,
      });
    } finally {
      await plain.close();
    }
  });
});
