import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { signedIn } = useBrowserTandem();

describe('the care team', () => {
  it('changes the primary therapist from the ranked list, by keyboard, and keeps the change in the history', async () => {
    const page = await signedIn('clinician');
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: /Nguyễn, José/ }).click();
    await page.getByRole('tab', { name: 'Care team' }).click();
    await page.getByTestId('care-team-current').getByText('Dr. Casey Rivera').waitFor();

    await page.getByRole('button', { name: 'Change primary therapist' }).click();
    const dialog = page.getByRole('dialog', { name: 'Change the primary therapist' });
    const list = dialog.getByTestId('therapist-suggestions');
    await list.getByRole('radio').first().waitFor();
    // Each suggestion says why, on one line.
    expect(await list.textContent()).toMatch(/caseload/);
    await saveScreenshot(page, 'care-team-suggestions');

    // Without a choice or a reason, the form says so on the fields.
    await dialog.getByRole('button', { name: /^Assign/ }).click();
    await dialog.getByText('Choose a clinician').waitFor();

    // Keyboard: focus the first option and move with the arrow keys, past the current therapist.
    await list.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    let chosen = await list.getByRole('radio', { checked: true }).getAttribute('aria-label');
    while (chosen?.startsWith('Dr. Casey Rivera')) {
      await page.keyboard.press('ArrowDown');
      chosen = await list.getByRole('radio', { checked: true }).getAttribute('aria-label');
    }
    expect(chosen).not.toBeNull();
    const chosenName = (chosen ?? '').split(',')[0] ?? '';
    await dialog.getByLabel('Reason').fill('Patient asked for a change after the family session');
    const confirm = dialog.getByRole('checkbox');
    if ((await confirm.count()) > 0) await confirm.check();
    await dialog.getByRole('button', { name: /^Assign/ }).click();
    await dialog.waitFor({ state: 'detached' });

    const current = page.getByTestId('care-team-current');
    await current.getByText(chosenName).waitFor();
    const history = page.getByTestId('care-team-history');
    await history.getByText('Dr. Casey Rivera left the primary therapist place').waitFor();
    await history.getByText('“Patient asked for a change after the family session”').first().waitFor();
    await saveScreenshot(page, 'care-team-history');
  });
});
