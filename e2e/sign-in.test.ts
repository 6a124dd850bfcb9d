import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { demoAccountFor, demoOrganization, demoPassword } from '@tandem/server/demo/demo-accounts';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserTandem, startBrowserTandem } from './support/tandem.ts';

const artifactsDir = fileURLToPath(new URL('./artifacts/', import.meta.url));
const clinician = demoAccountFor('clinician');

let tandem: BrowserTandem;
let context: BrowserContext;

beforeAll(async () => {
  tandem = await startBrowserTandem();
});

afterAll(async () => {
  await tandem?.close();
});

afterEach(async () => {
  await context?.close();
});

async function openSignIn(): Promise<Page> {
  context = await tandem.newContext();
  const page = await context.newPage();
  await page.goto('/');
  await page.waitForURL((url) => url.pathname === '/sign-in');
  return page;
}

async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  // Not exact: Mantine's required-asterisk is part of the label text ("Password *").
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe('signing in through the browser', () => {
  it('takes the demo clinician from / through sign-in to the clinician dashboard', async () => {
    const page = await openSignIn();
    await submitSignIn(page, clinician.email, demoPassword);

    await page.getByRole('heading', { name: 'Clinician dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText(demoOrganization.name).waitFor();

    await mkdir(artifactsDir, { recursive: true });
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${artifactsDir}clinician-dashboard.png`, fullPage: true });
  });

  it('shows an error and stays on sign-in when the password is wrong', async () => {
    const page = await openSignIn();
    await submitSignIn(page, clinician.email, 'not-the-demo-password');

    const alert = page.getByRole('alert').filter({ hasText: 'Sign-in failed' });
    await alert.waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByRole('heading', { name: 'Clinician dashboard' }).count()).toBe(0);
    expect((await context.request.get('/api/me')).status()).toBe(401);
    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: `${artifactsDir}sign-in-failed.png`, fullPage: true });
  });

  it('signs out back to the sign-in page, after which /api/me answers 401', async () => {
    const page = await openSignIn();
    await submitSignIn(page, clinician.email, demoPassword);
    await page.getByRole('heading', { name: 'Clinician dashboard' }).waitFor();
    expect((await context.request.get('/api/me')).status()).toBe(200);

    await page.getByRole('button', { name: 'Account menu' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect((await context.request.get('/api/me')).status()).toBe(401);
  });
});
