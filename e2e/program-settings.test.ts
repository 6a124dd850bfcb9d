import { demoAccountFor, demoPassword, demoTotpSecret } from '@tandem/server/demo/demo-accounts';
import { unusedTotpCode } from '@tandem/server/testing/totp-codes';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const tandem = useBrowserTandem();

/** The demo administrator signs in with their authenticator code (two-step sign-in is required for admins). */
async function signedInAdmin(): Promise<Page> {
  const page = await (await tandem.newContext()).newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demoAccountFor('admin').email);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByLabel('Authentication code')
    .fill(await unusedTotpCode(tandem.server.database.db, demoAccountFor('admin').email, demoTotpSecret));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('heading', { name: 'Admin dashboard' }).waitFor();
  return page;
}

describe('program settings', () => {
  it('lets the administrator shape the intake checklist: a new item, a shorter deadline, one retired', async () => {
    const page = await signedInAdmin();
    await page.getByRole('link', { name: 'Program settings' }).click();
    const checklist = page.getByTestId('intake-checklist-settings');
    await checklist.getByLabel('Days to complete “Program orientation”').waitFor();

    // A new item must have a name.
    const add = page.getByRole('form', { name: 'Add an intake checklist item' });
    await add.getByRole('button', { name: 'Add item' }).click();
    await add.getByText('Name the item').waitFor();
    await add.getByLabel('New item').fill('Medication reconciliation');
    await add.getByLabel('Due within (days)').fill('2');
    await add.getByRole('button', { name: 'Add item' }).click();
    await checklist.getByLabel('Days to complete “Medication reconciliation”').waitFor();

    await checklist.getByLabel('Days to complete “Program orientation”').fill('2');
    const orientationRow = checklist
      .getByRole('row')
      .filter({ has: page.getByLabel('Days to complete “Program orientation”') });
    await orientationRow.getByRole('button', { name: 'Save' }).click();
    await page.getByText('“Program orientation” saved.').waitFor();

    await checklist.getByLabel('“Medication reconciliation” in use').uncheck({ force: true });
    const medicationRow = checklist
      .getByRole('row')
      .filter({ has: page.getByLabel('Days to complete “Medication reconciliation”') });
    await medicationRow.getByRole('button', { name: 'Save' }).click();
    await page.getByText('“Medication reconciliation” saved.').waitFor();

    // What was saved is what the server holds now.
    await page.reload();
    await page
      .getByTestId('intake-checklist-settings')
      .getByLabel('Days to complete “Program orientation”')
      .waitFor();
    expect(await page.getByLabel('Days to complete “Program orientation”').inputValue()).toBe('2');
    expect(await page.getByLabel('“Medication reconciliation” in use').isChecked()).toBe(false);
    await saveScreenshot(page, 'program-settings');
  });

  it("lets the administrator set the program's language and what invitations may say about the program", async () => {
    const page = await signedInAdmin();
    await page.getByRole('link', { name: 'Program settings' }).click();

    // Mail names no program unless the administrator allows it; the change is saved and stays after a reload.
    const namesProgram = page.getByLabel(
      'Name the program in the text of invitations to patients and loved ones',
    );
    expect(await namesProgram.isChecked()).toBe(false);
    await namesProgram.check();
    await page.getByRole('button', { name: 'Save mail wording' }).click();
    await page.getByText('Mail wording saved').waitFor();
    await page.reload();
    await page.getByLabel('Name the program in the text of invitations to patients and loved ones').waitFor();
    expect(
      await page
        .getByLabel('Name the program in the text of invitations to patients and loved ones')
        .isChecked(),
    ).toBe(true);

    // Spanish for everyone who has not chosen: the administrator, who has not, reads the page in Spanish at once.
    await page.getByRole('radio', { name: 'Español' }).check();
    await page.getByRole('button', { name: 'Save program language' }).click();
    await page.getByRole('heading', { level: 1, name: 'Configuración del programa' }).waitFor();
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('button', { name: 'Guardar el idioma del programa' }).click();
    await page.getByRole('heading', { level: 1, name: 'Program settings' }).waitFor();
    await saveScreenshot(page, 'program-settings-language-and-mail');
  });
});
