import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { demoAccountFor, demoOrganization } from '@tandem/server/demo/demo-accounts';
import { invitationLinkSentTo } from '@tandem/server/testing/outbox-reader';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url));

const tandem = useBrowserTandem();

/** A browser profile signed in as a demo account, through the test server's sign-in (two-step code included). */
async function signedInContext(email: string): Promise<BrowserContext> {
  const client = await tandem.server.signIn(email);
  const context = await tandem.newContext();
  const cookies = (client.cookie ?? '').split('; ').filter(Boolean);
  await context.addCookies(
    cookies.map((pair) => {
      const separator = pair.indexOf('=');
      return { name: pair.slice(0, separator), value: pair.slice(separator + 1), url: tandem.server.url };
    }),
  );
  return context;
}

/**
 * A browser profile signed in as the demo administrator. The session comes from the test server's sign-in
 * (which also answers the administrator's two-step code), so this test is about invitations, not sign-in.
 */
async function adminContext(): Promise<BrowserContext> {
  return signedInContext(demoAccountFor('admin').email);
}

describe('inviting a staff member by one-time link', () => {
  it('lets an administrator invite someone new, who opens the link in another browser, sets a password and lands signed in', async () => {
    const email = 'jordan.new-hire@example.org';
    const admin = await (await adminContext()).newPage();
    await admin.goto('/staff');
    await admin.getByRole('button', { name: 'Invite staff' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Invite a staff member' });
    await dialog.getByLabel('Name').fill('Jordan Newhire, LCDC');
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await admin.getByRole('option', { name: 'Clinician' }).click();
    await dialog.getByRole('button', { name: 'Create invitation' }).click();

    const linkField = dialog.getByTestId('invitation-link');
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await mkdir(artifactsDir, { recursive: true });
    await admin.screenshot({ path: `${artifactsDir}invitation-created.png` });
    await dialog.getByRole('button', { name: 'Done' }).click();

    // Pending on the staff page; in the outbox as sent to them, its link never shown again.
    await admin.getByTestId('pending-invitations').getByText(email).waitFor();
    await admin.getByRole('link', { name: 'Outbox' }).click();
    await admin.getByText(`Join ${demoOrganization.name} on Tandem`).first().click();
    await admin
      .getByText(/the invitation link: sent to the recipient only/)
      .first()
      .waitFor();
    expect(await admin.getByTestId('outbox').textContent()).not.toContain(new URL(link).pathname);
    await admin.screenshot({ path: `${artifactsDir}outbox.png`, fullPage: true });

    // The link as it was sent: the same one the dialog showed once.
    const sentLink = await invitationLinkSentTo(tandem.server.database.db, email);
    expect(sentLink).toBe(link);

    // Opened in the administrator's own browser, it asks them to sign out rather than making them the invitee.
    await admin.goto(new URL(sentLink).pathname);
    await admin.getByRole('heading', { name: 'Sign out to accept' }).waitFor();
    await admin.getByText(/signed in to Tandem as Alex Admin/).waitFor();

    // The invitee: a fresh browser profile with no session.
    const inviteeContext = await tandem.newContext();
    const invitee = await inviteeContext.newPage();
    await invitee.goto(new URL(sentLink).pathname);
    await invitee.getByRole('heading', { name: `Join ${demoOrganization.name}` }).waitFor();
    await invitee.getByText(/Alex Admin has invited you as clinician/).waitFor();
    await invitee.getByLabel('Your name').fill('Jordan Newhire');
    await invitee.getByLabel(/^Password/).fill('tidal-orchard-lantern-58');
    await invitee.getByLabel(/^Repeat password/).fill('tidal-orchard-lantern-58');
    await invitee.screenshot({ path: `${artifactsDir}invitation-accept-page.png` });
    await invitee.getByRole('button', { name: 'Create my sign-in' }).click();

    await invitee.getByRole('heading', { name: 'Clinician dashboard' }).waitFor();
    expect(new URL(invitee.url()).pathname).toBe('/');
    const me = await inviteeContext.request.get('/api/me');
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email, name: 'Jordan Newhire' }, role: 'clinician' });
    await invitee.screenshot({ path: `${artifactsDir}invitation-accepted.png`, fullPage: true });

    // The link worked once: opening it again says so.
    const laterContext = await tandem.newContext();
    const again = await laterContext.newPage();
    await again.goto(new URL(link).pathname);
    await again.getByText('This invitation can no longer be used').waitFor();
  });

  it('lets a clinician invite a patient of their caseload from the record, and withdraw the invitation', async () => {
    const { db } = tandem.server.database;
    const patient = await db
      .selectFrom('patients')
      .select('id')
      .where('userId', 'is', null)
      .where('legalGivenName', '=', 'José')
      .executeTakeFirstOrThrow();
    const page = await (await signedInContext(demoAccountFor('clinician').email)).newPage();
    await page.goto(`/patients/${patient.id}?tab=invitations`);
    await page.getByRole('button', { name: 'Invite to the portal' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Email').fill('joe.portal@example.org');
    await dialog.getByRole('button', { name: 'Create invitation' }).click();
    const link = await dialog.getByTestId('invitation-link').inputValue();
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{43}$/);
    await dialog.getByRole('button', { name: 'Done' }).click();

    const pending = page.getByTestId('pending-invitations');
    await pending.getByText('joe.portal@example.org').waitFor();
    await pending.getByRole('button', { name: /Withdraw the invitation/ }).click();
    await page.getByRole('button', { name: 'Withdraw invitation' }).click();
    await page.getByText('No open invitation for this patient.').waitFor();
    const opened = await tandem.server.anonymous.request(
      'GET',
      `/api/invitations/${new URL(link).pathname.split('/').at(-1)}`,
    );
    expect(opened.status).toBe(410);
  });
});
