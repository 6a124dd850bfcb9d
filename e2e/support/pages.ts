import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Role } from '@tandem/core';
import { demoAccountFor, demoPassword } from '@tandem/server/demo/demo-accounts';
import type { BrowserContext, Page } from 'playwright-core';

/** Screenshots for people to look at; git-ignored. */
export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await mkdir(artifactsDir, { recursive: true });
  await page.screenshot({ path: `${artifactsDir}${name}.png`, fullPage: true });
}

/** Signs a demo account without a second step in through the sign-in page; resolves on its dashboard. */
export async function signInThroughPage(context: BrowserContext, role: Role): Promise<Page> {
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demoAccountFor(role).email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /dashboard/i }).waitFor();
  return page;
}
