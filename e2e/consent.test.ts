import { redisclosureNotice } from '@tandem/core';
import { demoAccountFor } from '@tandem/server/demo/demo-accounts';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { signedIn } = useBrowserTandem();

const screenshot = saveScreenshot;

describe('consent-aware sharing (42 CFR Part 2)', () => {
  it('records a consent, shows the family exactly what it shares with the notice, and stops at revocation', async () => {
    // The care team records a consent on the patient's record, after the form caught what was missing.
    const clinician = await signedIn('clinician');
    await clinician.getByRole('link', { name: 'Patients' }).click();
    await clinician.getByRole('link', { name: 'Example, Pat' }).click();
    await clinician.getByRole('tab', { name: 'Consents' }).click();
    await clinician.getByTestId('support-contacts').getByText('Jordan Example').waitFor();
    // The demo's consent for the family member: in effect.
    await clinician.locator('[data-consent-status="active"]').filter({ hasText: 'Jordan Example' }).waitFor();

    await clinician.getByRole('button', { name: 'Record consent' }).click();
    const dialog = clinician.getByRole('dialog', { name: 'Record a consent' });
    await dialog.getByText('An organization').click();
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await dialog.getByText('Choose at least one kind of information to share').waitFor();
    await dialog.getByText('Name the person or organization who may receive the information').waitFor();
    await dialog.getByText('Say why the information is shared').waitFor();
    await dialog.getByText('The patient types their full name to sign').waitFor();
    await screenshot(clinician, 'consent-form-errors');

    await dialog.getByLabel('Name of the organization').fill('Multnomah County Drug Court');
    await dialog.getByLabel('Attendance and appointments').check();
    await dialog.getByLabel('Drug test results').check();
    await dialog.getByLabel('Purpose of the disclosure').fill('Reporting to the drug court');
    await dialog.getByText('When an event happens').click();
    await dialog.getByLabel('Ending event').fill('the end of the court case');
    await dialog.getByLabel('The patient types their full name').fill('Pat Example');
    await dialog.getByRole('button', { name: 'Record consent' }).click();
    await dialog.waitFor({ state: 'detached' });
    const courtConsent = clinician.getByTestId('consent').filter({ hasText: 'Multnomah County Drug Court' });
    await courtConsent.getByText('Active').waitFor();
    expect(await courtConsent.textContent()).toContain(`witnessed by ${demoAccountFor('clinician').name}`);
    await screenshot(clinician, 'consents-tab');

    // The family member sees what the patient shares with them, and only that, under the notice.
    const family = await signedIn('family_member');
    await family.getByText('What Pat shares with you').click();
    const shared = family.getByTestId('shared-record');
    await shared.waitFor();
    expect(await family.getByTestId('redisclosure-notice').textContent()).toContain(redisclosureNotice);
    const categories = await shared
      .locator('[data-category]')
      .evaluateAll((sections) => sections.map((section) => section.getAttribute('data-category')));
    expect(categories).toEqual(['attendance', 'medications']);
    await shared.getByText('Nothing recorded yet.').first().waitFor();
    await screenshot(family, 'family-shared-record');

    // The patient sees that view in their accounting, and revokes the consent.
    const patient = await signedIn('patient');
    await patient.getByRole('link', { name: 'Your consents and who received your information' }).click();
    const accounting = patient.getByTestId('disclosure-accounting');
    await accounting.getByText('Viewed in the family portal').first().waitFor();
    const jordan = patient.getByTestId('consent').filter({ hasText: 'Jordan Example' });
    await jordan.getByRole('button', { name: 'Revoke' }).click();
    const revoke = patient.getByRole('dialog', { name: 'Revoke this consent' });
    await revoke.getByLabel('Reason (optional)').fill('I want to tell them myself');
    await revoke.getByRole('button', { name: 'Revoke consent' }).click();
    await jordan.getByText('Revoked', { exact: true }).waitFor();
    await screenshot(patient, 'patient-consents');

    // The very next view is refused.
    await family.reload();
    await family.getByText('Nothing is shared with you here').waitFor();
    expect(await family.getByTestId('shared-record').count()).toBe(0);
  });
});
