import type { Role } from '@tandem/core';
import { demoAccountFor, demoPassword, demoTotpSecret } from '@tandem/server/demo/demo-accounts';
import { unusedTotpCode } from '@tandem/server/testing/totp-codes';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { settled } from './support/axe.ts';
import { saveScreenshot } from './support/pages.ts';
import {
  dataStrings,
  type ShownText,
  shownTexts,
  unwrappedTexts,
  withLanguageNames,
} from './support/pseudo-locale-check.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

/**
 * Walks the main pages of every role in the pseudo-locale, where every wrapped string shows inside ⟦ ⟧, and fails
 * on any text a person would see or hear that is neither wrapped nor data from the API: a string someone forgot
 * to translate. The last test shows the check failing on one.
 */
const tandem = useBrowserTandem();

interface PseudoPage {
  page: Page;
  /** Every string the API answered this page with so far. */
  data: Set<string>;
}

async function inPseudoLocale(page: Page): Promise<PseudoPage> {
  const data = new Set<string>();
  page.on('response', async (response) => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) return;
    if (!(response.headers()['content-type'] ?? '').includes('json')) return;
    try {
      withLanguageNames(dataStrings(await response.json(), data));
    } catch {
      // A response the page navigated away from: nothing to read.
    }
  });
  await page.evaluate(() => localStorage.setItem('tandem.pseudoLocale', '1'));
  return { page, data };
}

async function signIn(role: Role): Promise<PseudoPage> {
  const page = await (await tandem.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demoAccountFor(role).email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (role === 'admin') {
    await page
      .getByLabel('Authentication code')
      .fill(await unusedTotpCode(tandem.server.database.db, demoAccountFor('admin').email, demoTotpSecret));
    await page.getByRole('button', { name: 'Verify' }).click();
  }
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return inPseudoLocale(page);
}

const found: { state: string; unwrapped: ShownText[] }[] = [];
beforeEach(() => {
  found.length = 0;
});

/** Opens `path` in the pseudo-locale and notes whatever it shows unwrapped. */
async function walk({ page, data }: PseudoPage, path: string, state: string): Promise<void> {
  await page.goto(path);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settled(page);
  await check({ page, data }, state);
}

async function check({ page, data }: PseudoPage, state: string): Promise<ShownText[]> {
  // The pseudo-locale is on: the page's own words are marked.
  await page.getByText(/⟦/).first().waitFor();
  const unwrapped = unwrappedTexts(await shownTexts(page), data);
  if (unwrapped.length > 0) {
    found.push({ state, unwrapped });
    await saveScreenshot(page, `pseudo-locale-${state}`);
  }
  return unwrapped;
}

async function patientId(legalGivenName: string): Promise<string> {
  const row = await tandem.server.database.db
    .selectFrom('patients')
    .select('id')
    .where('legalGivenName', '=', legalGivenName)
    .executeTakeFirstOrThrow();
  return row.id;
}

async function recordTabs(pseudo: PseudoPage, id: string, prefix: string): Promise<void> {
  await walk(pseudo, `/patients/${id}`, `${prefix}-record`);
  const tabs = pseudo.page.getByRole('tab');
  const count = await tabs.count();
  for (let index = 0; index < count; index += 1) {
    await tabs.nth(index).click();
    await settled(pseudo.page);
    await check(pseudo, `${prefix}-record-tab-${index}`);
  }
}

describe('the pseudo-locale', () => {
  it('shows no unwrapped text before sign-in', async () => {
    const page = await (await tandem.newContext()).newPage();
    await page.goto('/sign-in');
    const pseudo = await inPseudoLocale(page);
    for (const [path, state] of [
      ['/sign-in', 'sign-in'],
      ['/forgot-password', 'forgot-password'],
      ['/no-such-page', 'not-found'],
    ] as const) {
      await walk(pseudo, path, state);
    }
    expect(found).toEqual([]);
  });

  it("shows no unwrapped text on the clinician's pages", async () => {
    const pseudo = await signIn('clinician');
    await walk(pseudo, '/', 'clinician-dashboard');
    await walk(pseudo, '/patients', 'clinician-patients');
    await recordTabs(pseudo, await patientId('Pat'), 'clinician');
    await walk(pseudo, '/account/security', 'clinician-account');
    expect(found).toEqual([]);
  });

  it("shows no unwrapped text on the administrator's, supervisor's and front desk's pages", async () => {
    const admin = await signIn('admin');
    for (const [path, state] of [
      ['/', 'admin-dashboard'],
      ['/staff', 'admin-staff'],
      ['/settings', 'admin-settings'],
      ['/audit', 'admin-audit-log'],
      ['/outbox', 'admin-outbox'],
    ] as const) {
      await walk(admin, path, state);
    }
    await walk(await signIn('supervisor'), '/', 'supervisor-dashboard');
    const frontDesk = await signIn('front_desk');
    await walk(frontDesk, '/', 'front-desk-dashboard');
    await walk(frontDesk, '/patients/new', 'front-desk-register');
    expect(found).toEqual([]);
  });

  it('shows no unwrapped text in the patient and family portals', async () => {
    const patient = await signIn('patient');
    await walk(patient, '/', 'patient-home');
    await walk(patient, '/my-consents', 'patient-consents');
    const family = await signIn('family_member');
    await walk(family, '/', 'family-home');
    await walk(family, `/shared/${await patientId('Pat')}`, 'family-shared-record');
    expect(found).toEqual([]);
  });

  it('fails on a string left unwrapped', async () => {
    const pseudo = await signIn('clinician');
    await walk(pseudo, '/', 'clinician-dashboard-again');
    // What a component that renders a literal English string puts on the page.
    await pseudo.page.evaluate(() => {
      const forgotten = document.createElement('p');
      forgotten.textContent = 'Review the overdue intake items';
      document.querySelector('main')?.append(forgotten);
    });
    const unwrapped = unwrappedTexts(await shownTexts(pseudo.page), pseudo.data);
    expect(unwrapped).toEqual([{ text: 'Review the overdue intake items', where: 'text' }]);
  });
});
