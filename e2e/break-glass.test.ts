import { demoAccountFor } from '@tandem/server/demo/demo-accounts';
import { demoPatientOffClinicianCaseload } from '@tandem/server/demo/seed-demo-patients';
import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { legalGivenName, legalFamilyName } = demoPatientOffClinicianCaseload;
const reason = 'Patient collapsed in the lobby; need the medication list now';

const { signedIn } = useBrowserTandem();

const screenshot = saveScreenshot;

describe('break-the-glass', () => {
  it('lets a clinician outside the care team open a record for a stated reason, flagged, and shows it to the supervisor in the audit trail', async () => {
    const clinician = await signedIn('clinician');
    await clinician.getByRole('link', { name: 'Patients' }).click();
    await clinician.getByRole('link', { name: `${legalFamilyName}, ${legalGivenName}` }).click();
    await clinician.getByRole('heading', { name: `${legalGivenName} ${legalFamilyName}` }).waitFor();

    // Refused: not on the care team, so the clinical record is closed, with break-the-glass on offer.
    const closed = clinician.getByRole('alert').filter({ hasText: 'Clinical record closed to you' });
    await closed.getByText('You are not on this patient’s care team').waitFor();
    expect(await clinician.getByTestId('break-glass-banner').count()).toBe(0);
    expect(await clinician.getByRole('tab', { name: 'Who accessed this record' }).count()).toBe(0);

    await closed.getByRole('button', { name: 'Break the glass' }).click();
    const dialog = clinician.getByRole('dialog', { name: 'Break the glass' });
    await dialog.getByLabel('Reason').fill('urgent');
    await dialog.getByRole('button', { name: 'Open the record' }).click();
    await dialog.getByText('at least 10 characters').waitFor();
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Open the record' }).click();

    const banner = clinician.getByTestId('break-glass-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Emergency access (break the glass)');
    await clinician.getByRole('alert').filter({ hasText: 'Clinical record open' }).waitFor();
    // The dialog closes (after its transition).
    await dialog.waitFor({ state: 'detached' });
    await screenshot(clinician, 'break-glass-record');

    const supervisor = await signedIn('supervisor');
    // The supervisor's dashboard lists the access to review.
    const queue = supervisor.getByTestId('break-glass-queue');
    await queue.getByText(reason).waitFor();

    await supervisor.getByRole('link', { name: 'Audit trail' }).click();
    await supervisor.waitForURL((url) => url.pathname === '/audit');
    await supervisor.getByLabel('Outcome', { exact: true }).first().click();
    await supervisor.getByRole('option', { name: 'Break the glass' }).click();
    await supervisor.waitForURL((url) => url.searchParams.get('outcome') === 'break_glass');
    const row = supervisor.getByTestId('audit-events').locator('tr[data-outcome="break_glass"]').first();
    await row.getByText(reason).waitFor();
    expect(await row.textContent()).toContain(demoAccountFor('clinician').name);
    expect(await row.textContent()).toContain(`${legalGivenName} ${legalFamilyName}`);
    const csvHref = await supervisor.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(csvHref).toBe('/api/audit-events.csv?outcome=break_glass');
    await screenshot(supervisor, 'audit-trail-break-glass');

    // The review, from the audit view's queue.
    await supervisor.getByRole('tab', { name: 'Break-the-glass to review' }).click();
    await supervisor.getByTestId('break-glass-queue').getByRole('button', { name: 'Review' }).first().click();
    const review = supervisor.getByRole('dialog', { name: 'Review emergency access' });
    await review.getByText(reason).waitFor();
    await review.getByLabel('Review note').fill('Justified: medical emergency in the lobby.');
    await review.getByRole('button', { name: 'Record review' }).click();
    await supervisor.getByRole('tab', { name: 'Reviewed' }).click();
    await supervisor.getByTestId('reviewed-break-glass').getByText('Justified: medical emergency').waitFor();

    // On the record itself: who accessed it, the emergency access with its reason among them.
    await supervisor.getByRole('link', { name: 'Patients' }).click();
    await supervisor.getByRole('link', { name: `${legalFamilyName}, ${legalGivenName}` }).click();
    await supervisor.getByRole('tab', { name: 'Who accessed this record' }).click();
    const accessLog = supervisor.getByTestId('access-log');
    await accessLog.locator('tr[data-outcome="break_glass"]').getByText(reason).waitFor();
    expect(await accessLog.textContent()).toContain(demoAccountFor('clinician').name);
    await screenshot(supervisor, 'record-access-log');
  });

  it('raises an alert on the supervisor’s dashboard whose "Review the access" opens the access and records the review', async () => {
    const prescriber = await signedIn('prescriber');
    await prescriber.getByRole('link', { name: 'Patients' }).click();
    await prescriber.getByRole('link', { name: `${legalFamilyName}, ${legalGivenName}` }).click();
    const closed = prescriber.getByRole('alert').filter({ hasText: 'Clinical record closed to you' });
    await closed.getByRole('button', { name: 'Break the glass' }).click();
    const dialog = prescriber.getByRole('dialog', { name: 'Break the glass' });
    const prescriberReason = 'Overdose reported by the family; checking allergies and current medication';
    await dialog.getByLabel('Reason').fill(prescriberReason);
    await dialog.getByRole('button', { name: 'Open the record' }).click();
    await prescriber.getByTestId('break-glass-banner').waitFor();

    const supervisor = await signedIn('supervisor');
    const alert = supervisor
      .getByTestId('my-alerts')
      .getByRole('row', { name: /Emergency access to review/ })
      .filter({ hasText: prescriberReason });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Review the access' }).click();
    const review = supervisor.getByRole('dialog', { name: 'Review emergency access' });
    await review.getByText(prescriberReason).waitFor();
    await review.getByLabel('Review note').fill('Justified: overdose reported, allergies needed at once.');
    await review.getByRole('button', { name: 'Record review' }).click();
    await review.waitFor({ state: 'hidden' });
    // Recording the review resolved the alert for everyone it was routed to.
    await alert.waitFor({ state: 'detached' });
    await saveScreenshot(supervisor, 'break-glass-review-from-alert');
  });
});
