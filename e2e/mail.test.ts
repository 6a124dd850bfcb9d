import { demoAccountFor } from '@tandem/server/demo/demo-accounts';
import {
  recipientOf,
  startTestSmtpServer,
  type TestMailbox,
  textOf,
} from '@tandem/server/testing/test-smtp-server';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { type BrowserTandem, startBrowserTandem } from './support/tandem.ts';

/**
 * Mail that leaves, in the browser: Tandem delivers its outbox to a real SMTP server started here (on its own
 * schedule, as in production); the link in the received message is opened in a fresh browser and used.
 */
let mailbox: TestMailbox;
let tandem: BrowserTandem;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mailbox = await startTestSmtpServer();
  tandem = await startBrowserTandem({ smtp: { url: mailbox.url, deliveryIntervalMs: 250 } });
});
afterAll(async () => {
  await tandem?.close();
  await mailbox?.close();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function newContext(): Promise<BrowserContext> {
  const context = await tandem.newContext();
  contexts.push(context);
  return context;
}

/** A browser profile with the demo administrator's session (two-step code answered by the test server). */
async function adminContext(): Promise<BrowserContext> {
  const client = await tandem.server.signIn(demoAccountFor('admin').email);
  const context = await newContext();
  await context.addCookies(
    (client.cookie ?? '')
      .split('; ')
      .filter(Boolean)
      .map((pair) => {
        const separator = pair.indexOf('=');
        return { name: pair.slice(0, separator), value: pair.slice(separator + 1), url: tandem.server.url };
      }),
  );
  return context;
}

function linkIn(text: string, kind: 'invitations' | 'reset-password'): string {
  const link = text.match(new RegExp(`https?://\\S+/${kind}/[A-Za-z0-9_-]{43}`))?.[0];
  if (link === undefined) throw new Error(`the message carries no ${kind} link`);
  return new URL(link).pathname;
}

describe('mail over SMTP', () => {
  it('delivers a staff invitation; its link, opened in a fresh browser, is accepted; the outbox says sent', async () => {
    const email = 'morgan.mail@example.org';
    const admin = await (await adminContext()).newPage();
    await admin.goto('/staff');
    await admin.getByRole('button', { name: 'Invite staff' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a staff member' });
    await dialog.getByLabel('Name').fill('Morgan Mail');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Front desk' }).click();
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    await dialog.getByTestId('invitation-link').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();

    const mail = await mailbox.waitFor((candidate) => recipientOf(candidate) === email, 15_000);
    expect(mail.subject).toMatch(/^Join .* on Tandem$/);
    const invitee = await (await newContext()).newPage();
    await invitee.goto(linkIn(textOf(mail), 'invitations'));
    await invitee.getByLabel('Your name').fill('Morgan Mail');
    await invitee.getByLabel(/^Password/).fill('copper-meadow-signal-64');
    await invitee.getByLabel(/^Repeat password/).fill('copper-meadow-signal-64');
    await invitee.getByRole('button', { name: 'Create my sign-in' }).click();
    await invitee.getByRole('heading', { name: /dashboard/i }).waitFor();

    // The message is recorded as sent just after the mail server took it.
    const deadline = Date.now() + 10_000;
    for (;;) {
      const row = await tandem.server.database.db
        .selectFrom('outboxMessages')
        .select('sentAt')
        .where('recipient', '=', email)
        .executeTakeFirstOrThrow();
      if (row.sentAt !== null || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.goto('/outbox');
    const item = admin.getByTestId('outbox').getByRole('button', { name: new RegExp(`To ${email}`) });
    await item.getByText('Sent', { exact: true }).waitFor();
    await item.getByText('Accepted', { exact: true }).waitFor();
    await saveScreenshot(admin, 'mail-outbox-sent');
  });

  it('shows an administrator a failed delivery with the server’s reason, and sends it on Retry now', async () => {
    const email = 'riley.bounce@example.org';
    mailbox.refuseRecipients({ code: 550, message: 'Mailbox unavailable' });
    try {
      const created = await tandem.server.signIn(demoAccountFor('admin').email);
      const invited = await created.request('POST', '/api/invitations/staff', {
        displayName: 'Riley Bounce',
        email,
        jobRole: 'clinician',
      });
      expect(invited.status).toBe(201);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const row = await tandem.server.database.db
          .selectFrom('outboxMessages')
          .select('failedAt')
          .where('recipient', '=', email)
          .executeTakeFirstOrThrow();
        if (row.failedAt !== null || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      mailbox.refuseRecipients(null);
    }
    const admin = await (await adminContext()).newPage();
    await admin.goto('/outbox');
    const item = admin.getByTestId('outbox').getByRole('button', { name: new RegExp(`To ${email}`) });
    await item.getByText('Failed', { exact: true }).waitFor();
    await item.click();
    await admin.getByText(/The mail server said: 550 Mailbox unavailable/).waitFor();
    await saveScreenshot(admin, 'mail-outbox-failed');
    await admin.getByRole('button', { name: 'Retry now' }).click();
    await mailbox.waitFor((candidate) => recipientOf(candidate) === email, 15_000);
  });

  it('resets a forgotten password by mail, from the sign-in page to signing in with the new password', async () => {
    const email = demoAccountFor('front_desk').email;
    const page = await (await newContext()).newPage();
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your email').waitFor();

    const mail = await mailbox.waitFor(
      (candidate) => recipientOf(candidate) === email && candidate.subject === 'Choose a new Tandem password',
      15_000,
    );
    await page.goto(linkIn(textOf(mail), 'reset-password'));
    await page.getByLabel(/^New password(?! again)/).fill('short');
    await page.getByLabel(/^New password again/).fill('short');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Use at least 12 characters').waitFor();
    await page.getByLabel(/^New password(?! again)/).fill('harbor-quilt-ember-27');
    await page.getByLabel(/^New password again/).fill('harbor-quilt-ember-27');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your new password is set').waitFor();
    await saveScreenshot(page, 'mail-password-reset-done');

    await page.getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('harbor-quilt-ember-27');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /dashboard/i }).waitFor();
  });
});
