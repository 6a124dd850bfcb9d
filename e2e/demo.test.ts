import { describe, expect, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { signedIn } = useBrowserTandem();

describe('the demo organization', () => {
  it('opens on a program in progress: an overdue assessment, a caseload at its levels of care, a step-down', async () => {
    const page = await signedIn('clinician');
    // The caseload: the demo clinician is on three care teams; Riley is Morgan Lee's.
    const caseload = page.getByTestId('my-caseload');
    await caseload
      .getByRole('row', { name: /Example, Pat.*Intensive outpatient · ASAM 2\.1 \(4th\)/ })
      .waitFor();
    await caseload.getByRole('row', { name: /Nguyễn, José \(Joe\).*Partial hospitalization/ }).waitFor();
    await caseload.getByRole('row', { name: /Rahman, Aisha/ }).waitFor();
    expect(await caseload.getByText('Thompson').count()).toBe(0);
    // Joe was admitted this week: his intake assessments are overdue, on his clinician's dashboard.
    const overdue = page.getByTestId('intake-overdue');
    await overdue.getByText('Nguyễn', { exact: false }).first().waitFor();
    await overdue.getByText('Intake assessments done').first().waitFor();
    await saveScreenshot(page, 'demo-clinician-dashboard');

    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'Example, Pat' }).waitFor();
    await saveScreenshot(page, 'demo-patient-list');
    await page.getByRole('link', { name: 'Example, Pat' }).click();
    await page.getByRole('tab', { name: 'Episodes' }).click();
    const episode = page.locator('[data-testid^="episode-"]').first();
    await episode.getByText('In treatment').waitFor();
    await episode.getByText('F11.20 Opioid dependence, uncomplicated (primary)').waitFor();
    await episode.getByText('stable on buprenorphine', { exact: false }).waitFor();
    await saveScreenshot(page, 'demo-episodes');
  });

  it('shows the supervisor the program in treatment, by level of care, never "no program data"', async () => {
    const page = await signedIn('supervisor');
    const overview = page.getByTestId('program-overview');
    // Five patients in treatment; the registered one is not admitted.
    const inTreatment = overview.getByRole('group', { name: 'In treatment' });
    await inTreatment.getByText('5', { exact: true }).waitFor();
    const levels = page.getByTestId('program-overview-levels');
    await levels.getByRole('row', { name: /Intensive outpatient · ASAM 2\.1 \(4th\)/ }).waitFor();
    await levels.getByRole('row', { name: /Partial hospitalization · ASAM 2\.5 \(3rd\)/ }).waitFor();
    // Riley is Morgan Lee's patient, whom the demo supervisor does not supervise: counted, level not shown.
    await levels.getByRole('row', { name: /Care teams you do not supervise.* 1$/ }).waitFor();
    expect(await page.getByText('No program data yet').count()).toBe(0);
    await saveScreenshot(page, 'demo-supervisor-dashboard');
  });

  it('shows the front desk the patient list without levels of care (patient lists disclose clinical content)', async () => {
    const page = await signedIn('front_desk');
    await page.getByRole('link', { name: 'Patients' }).click();
    const table = page.getByTestId('patient-table');
    await table.getByRole('row', { name: /Example, Pat/ }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'Level of care' }).count()).toBe(0);
    expect(await table.getByText('ASAM').count()).toBe(0);
    expect(await page.getByLabel('Level of care').count()).toBe(0);
    // The primary therapist is front-office knowledge (to book the right person).
    await table.getByRole('row', { name: /Example, Pat.*Dr\. Casey Rivera/ }).waitFor();
  });

  it('shows a clinician levels of care on their care team’s rows only', async () => {
    const page = await signedIn('clinician');
    await page.getByRole('link', { name: 'Patients' }).click();
    const table = page.getByTestId('patient-table');
    await table.getByRole('row', { name: /Example, Pat.*ASAM 2\.1/ }).waitFor();
    await table.getByRole('row', { name: /Thompson, Riley.*Care team only/ }).waitFor();
  });

  it('shows the patient their own care team', async () => {
    const page = await signedIn('patient');
    const team = page.getByTestId('own-care-team');
    await team.getByText('Dr. Casey Rivera').waitFor();
    await team.getByText('Primary therapist').waitFor();
    await team.getByText('Dr. Priya Natarajan').waitFor();
    await saveScreenshot(page, 'demo-patient-dashboard');
  });
});
