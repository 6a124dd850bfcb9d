import { demoAccountFor } from '@tandem/server/demo/demo-accounts';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { signedIn } = useBrowserTandem();

describe('consent history (consents as signed records)', () => {
  it('amends a consent with a reason and shows the new version with what changed', async () => {
    const clinician = await signedIn('clinician');
    await clinician.getByRole('link', { name: 'Patients' }).click();
    await clinician.getByRole('link', { name: 'Example, Pat' }).click();
    await clinician.getByRole('tab', { name: 'Consents' }).click();
    const jordan = clinician.locator('[data-consent-status="active"]').filter({ hasText: 'Jordan Example' });
    await jordan.waitFor();

    // An amendment needs a reason; the form says so on the field before anything is sent.
    await jordan.getByRole('button', { name: 'Amend' }).click();
    const dialog = clinician.getByRole('dialog', { name: 'Amend consent (the signed version is replaced)' });
    await dialog.getByLabel('Medications').uncheck();
    await dialog.getByLabel('The patient types their full name').fill('Pat Example');
    await dialog.getByRole('button', { name: 'Sign amended consent' }).click();
    await dialog.getByText('Say why the consent is amended').waitFor();
    await dialog.getByLabel('Reason for the amendment').fill('Pat no longer wants medications shared');
    await dialog.getByRole('button', { name: 'Sign amended consent' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The old version is replaced; the new one is in effect and opens its history.
    await clinician
      .locator('[data-consent-status="superseded"]')
      .filter({ hasText: 'Jordan Example' })
      .waitFor();
    // In effect from the browser's today, which may be the program's tomorrow: active or not yet in effect.
    const amended = clinician
      .locator('[data-testid="consent"]:not([data-consent-status="superseded"])')
      .filter({ hasText: 'Jordan Example' });
    await amended.getByText('Version 2: amends an earlier consent.', { exact: false }).waitFor();
    await amended.getByRole('button', { name: /History of the consent for Jordan Example/ }).click();

    const history = clinician.getByRole('dialog', { name: 'Consent history' });
    const second = history.getByRole('region', { name: 'Version 2' });
    await second.waitFor();
    expect(await second.textContent()).toContain('Pat no longer wants medications shared');
    expect(await second.textContent()).toContain(`Signed by ${demoAccountFor('clinician').name}`);
    const changes = second.getByRole('table', { name: 'Changes in version 2' });
    const row = changes.getByRole('row', { name: /Information shared/ });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      'Attendance and appointments, Medications',
      'Attendance and appointments',
    ]);
    const first = history.getByRole('region', { name: 'Version 1' });
    await first.getByText('Replaced by a later version').waitFor();
    await saveScreenshot(clinician, 'consent-history');
  });
});
