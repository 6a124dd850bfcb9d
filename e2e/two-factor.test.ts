import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { secretFromTotpUri } from '@tandem/server/auth/totp';
import { demoAccountFor, demoPassword, demoTotpSecret } from '@tandem/server/demo/demo-accounts';
import { unusedTotpCode } from '@tandem/server/testing/totp-codes';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { type BrowserTandem, startBrowserTandem } from './support/tandem.ts';

const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url));
const admin = demoAccountFor('admin');
const prescriber = demoAccountFor('prescriber');
// 15 seconds: long enough to sign in, short enough to watch the idle sign-out happen.
const idleTimeoutMinutes = 0.25;

let tandem: BrowserTandem;
let context: BrowserContext;

beforeAll(async () => {
  tandem = await startBrowserTandem({ idleTimeoutMinutes });
});

afterAll(async () => {
  await tandem?.close();
});

afterEach(async () => {
  await context?.close();
});

async function signInWithTotp(): Promise<Page> {
  context = await tandem.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === '/sign-in');
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page.getByText('Two-step verification').waitFor();
  expect((await context.request.get('/api/me')).status()).toBe(401);
  await page
    .getByLabel('Authentication code')
    .fill(await unusedTotpCode(tandem.server.database.db, admin.email, demoTotpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Admin dashboard' }).waitFor();
  return page;
}

describe('two-step sign-in and the idle timeout in the browser', () => {
  it('signs the demo admin in with an authenticator code, warns before the idle time runs out, then signs out', async () => {
    const page = await signInWithTotp();
    const signedInAt = Date.now();
    expect(new URL(page.url()).pathname).toBe('/');

    // No activity from here on: the warning comes first, then the sign-out.
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });
    await warning.waitFor({ timeout: 20_000 });
    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: `${artifactsDir}idle-warning.png` });

    await page.waitForURL((url) => url.pathname === '/sign-in', { timeout: 20_000 });
    const signedOutAfter = Date.now() - signedInAt;
    expect(signedOutAfter).toBeGreaterThanOrEqual(idleTimeoutMinutes * 60_000 - 1_000);
    await page.getByText('Signed out after 15 seconds of inactivity').waitFor();
    expect((await context.request.get('/api/me')).status()).toBe(401);
    await page.screenshot({ path: `${artifactsDir}idle-signed-out.png`, fullPage: true });
  });

  it('keeps the admin signed in past the idle time when they answer the warning', async () => {
    const page = await signInWithTotp();
    const warning = page.getByRole('dialog', { name: 'Are you still there?' });
    await warning.waitFor({ timeout: 20_000 });
    // The warning is open for five seconds: time enough for axe, which is no activity on the page.
    await expectNoAxeViolations(page, 'idle-warning-dialog');
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'hidden' });
    // Past the moment the first idle period would have ended.
    await page.waitForTimeout(6_000);
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await context.request.get('/api/me')).status()).toBe(200);
  });

  it('takes a recovery code instead of the authenticator code', async () => {
    context = await tandem.newContext();
    const signedIn = await tandem.server.signIn(admin.email);
    const { body } = await signedIn.json<{ backupCodes: string[] }>(
      'POST',
      '/api/auth/two-factor/generate-backup-codes',
      { password: demoPassword },
    );
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(admin.email);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill('wrong-code');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('That recovery code is not right').waitFor();
    await page.getByLabel('Recovery code').fill(body.backupCodes[0] as string);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('heading', { name: 'Admin dashboard' }).waitFor();
  });

  it('lets a prescriber set up two-step verification on the account security page, after which sign-in asks for a code', async () => {
    context = await tandem.newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill(prescriber.email);
    await page.getByLabel('Password').fill(demoPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Prescriber dashboard' }).waitFor();

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Account security' }).click();
    await page.getByRole('heading', { name: 'Account security' }).waitFor();
    await page.getByRole('button', { name: 'Set up two-step verification' }).click();
    await page.getByLabel('Your password').fill(demoPassword);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    const setupKey = (await page.getByTestId('setup-key').innerText()).replace(/\s/g, '');
    const secret = secretFromTotpUri(`otpauth://totp/Tandem:x?secret=${setupKey}`);
    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: `${artifactsDir}two-factor-enrolment.png`, fullPage: true });

    await page
      .getByLabel('2. Enter the 6-digit code the app shows')
      .fill(await unusedTotpCode(tandem.server.database.db, prescriber.email, secret));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Save your recovery codes now').waitFor();
    expect(await page.getByTestId('recovery-codes').locator('code').count()).toBe(10);
    await page.screenshot({ path: `${artifactsDir}two-factor-recovery-codes.png`, fullPage: true });

    const fresh = await tandem.newContext();
    try {
      const again = await fresh.newPage();
      await again.goto('/sign-in');
      await again.getByLabel('Email').fill(prescriber.email);
      await again.getByLabel('Password').fill(demoPassword);
      await again.getByRole('button', { name: 'Sign in' }).click();
      await again
        .getByLabel('Authentication code')
        .fill(await unusedTotpCode(tandem.server.database.db, prescriber.email, secret));
      await again.getByRole('button', { name: 'Verify' }).click();
      await again.getByRole('heading', { name: 'Prescriber dashboard' }).waitFor();
    } finally {
      await fresh.close();
    }
  });
});
