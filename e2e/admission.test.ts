import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { signedIn } = useBrowserTandem();

/** Picks the preferred language from the searchable list of language names, by typing part of the name. */
async function chooseLanguage(form: Locator, name: string) {
  await form.getByRole('combobox', { name: 'Preferred language' }).fill(name.slice(0, 4));
  await form.page().getByRole('option', { name, exact: true }).click();
}

/** A calendar day as the pages write it in English ("Jan 5, 2026"). */
function calendarDate(day: string): string {
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

describe('registration and admission in the browser', () => {
  it('asks before leaving a registration with changes not saved: Stay keeps them, Leave leaves', async () => {
    const page = await signedIn('clinician');
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'Register patient' }).click();
    const form = page.getByRole('form', { name: 'Register a patient' });
    await form.getByLabel('Legal given name').fill('Marisol');

    await page.getByRole('link', { name: 'Patients' }).click();
    const warning = page.getByRole('dialog', { name: 'Leave this page?' });
    await warning.getByText('Your changes are not saved.').waitFor();
    await expectNoAxeViolations(page, 'leave-warning');
    await warning.getByRole('button', { name: 'Stay' }).click();
    await warning.waitFor({ state: 'detached' });
    expect(await form.getByLabel('Legal given name').inputValue()).toBe('Marisol');

    await page.getByRole('link', { name: 'Patients' }).click();
    await warning.getByRole('button', { name: 'Leave' }).click();
    await page.getByRole('link', { name: 'Register patient' }).waitFor();
    expect(await form.count()).toBe(0);
  });

  it('warns of a likely duplicate, registers, admits with a diagnosis, ticks intake, steps down and discharges', async () => {
    const page = await signedIn('clinician');
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'Register patient' }).click();
    const form = page.getByRole('form', { name: 'Register a patient' });

    // Field messages first, nothing sent.
    await form.getByRole('button', { name: 'Register patient' }).click();
    await form.getByText('Enter the legal given name').waitFor();

    // The demo's José "Joe" Nguyễn, typed without accents: the duplicate dialog offers his record.
    await form.getByLabel('Legal given name').fill('Jose');
    await form.getByLabel('Legal family name').fill('Nguyen');
    await form.getByLabel('Date of birth').fill('1975-09-30');
    await form.getByRole('button', { name: 'Register patient' }).press('Enter');
    const duplicates = page.getByRole('dialog', { name: 'This person may already be registered' });
    await duplicates.getByText('Nguyễn').waitFor();
    expect(await duplicates.getByRole('link', { name: 'Open the existing record' }).count()).toBe(1);
    await duplicates.getByRole('button', { name: 'Back to the form' }).click();

    await form.getByLabel('Legal given name').fill('Valentina');
    await form.getByLabel('Legal family name').fill('Okonkwo');
    await form.getByLabel('Date of birth').fill('1993-05-17');
    await chooseLanguage(form, 'Spanish');
    await form.getByLabel('Interpreter needed').check();
    await form.getByLabel('Phone').first().fill('+1 555 0199');
    await form.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Valentina Okonkwo' }).waitFor();
    // The record's overview names the language and says an interpreter is needed.
    await page.getByRole('tab', { name: 'Overview' }).click();
    const overview = page.getByRole('tabpanel', { name: 'Overview' });
    await overview.getByText('Spanish', { exact: true }).waitFor();
    await overview.getByText('Needed', { exact: true }).waitFor();

    await page.getByRole('tab', { name: 'Episodes' }).click();
    await page.getByRole('button', { name: 'Admit' }).click();
    const admit = page.getByRole('dialog', { name: 'Admit to an episode of care' });
    await admit.getByLabel('Referral source').selectOption('self');
    // Closing the dialog with something chosen asks first; Stay keeps the choice.
    await admit.getByRole('button', { name: 'Cancel' }).click();
    const closeWarning = page.getByRole('dialog', { name: 'Close without saving?' });
    await closeWarning.getByRole('button', { name: 'Stay' }).click();
    await closeWarning.waitFor({ state: 'detached' });
    expect(await admit.getByLabel('Referral source').inputValue()).toBe('self');
    await admit.getByLabel('Setting of care').selectOption('intensive_outpatient');
    await admit.getByLabel('ASAM level of care').selectOption('2.1');
    await admit.getByLabel('Substance', { exact: true }).selectOption('opioids');
    await admit.getByLabel('Route').selectOption('smoking');
    await admit.getByLabel('Frequency (past month)').selectOption('daily');
    await admit.getByRole('combobox', { name: 'Add a diagnosis' }).fill('opioid dependence uncomplicated');
    await page.getByRole('option', { name: /F11\.20/ }).click();
    await admit.getByText('F11.20 — Opioid dependence, uncomplicated').waitFor();
    await admit.getByLabel('Presenting problems').fill('Overdose last month.');
    await admit.getByRole('button', { name: 'Admit' }).click();
    await admit.waitFor({ state: 'detached' });

    const episode = page.locator('[data-testid^="episode-"]').first();
    await episode.getByText('In treatment').waitFor();
    await episode.getByText('F11.20 Opioid dependence, uncomplicated (primary)').waitFor();
    // The box shows what the server holds: it turns checked once the tick is saved, not on the click itself.
    await episode.getByLabel('Program orientation').click();
    await episode.getByText(/Done [A-Z][a-z]{2} \d{1,2}, \d{4}/).waitFor();

    await episode.getByRole('button', { name: 'Change level of care' }).click();
    const level = page.getByRole('dialog', { name: 'Change the level of care' });
    await level.getByLabel('New setting').selectOption('outpatient');
    await level.getByLabel('ASAM level').selectOption('1.5');
    await level.getByLabel('Reason').fill('Stable, working again');
    await level.getByRole('button', { name: 'Record the change' }).click();
    await level.waitFor({ state: 'detached' });
    await episode.getByText('Stable, working again', { exact: false }).waitFor();

    await episode.getByRole('button', { name: 'Discharge' }).click();
    const discharge = page.getByRole('dialog', { name: 'Discharge' });
    await discharge.getByLabel('Type of discharge').selectOption('planned_completion');
    await discharge.getByRole('button', { name: 'Discharge' }).click();
    await discharge.getByText('Write the aftercare plan').waitFor();
    await discharge.getByLabel('Aftercare plan').fill('Alumni group weekly; call in 7 days');
    await discharge.getByRole('button', { name: 'Discharge' }).click();
    const done = page.getByRole('dialog', { name: 'Discharged' });
    await done.getByText('case manager', { exact: false }).waitFor();
    await done.getByRole('button', { name: 'Done' }).click();
    await episode.getByText('Discharged', { exact: true }).waitFor();
    await saveScreenshot(page, 'episodes-tab');
  });

  it('admits a person from registration to discharge: loved one, ranked therapist, overdue intake on the front desk', async () => {
    const page = await signedIn('clinician');
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: 'Register patient' }).click();
    const form = page.getByRole('form', { name: 'Register a patient' });
    await form.getByLabel('Legal given name').fill('Marisol');
    await form.getByLabel('Legal family name').fill('Quintero');
    await form.getByLabel('Date of birth').fill('1988-02-11');
    await chooseLanguage(form, 'Spanish');
    await form.getByRole('button', { name: 'Register patient' }).click();
    await page.getByRole('heading', { name: 'Marisol Quintero' }).waitFor();

    // Admitted ten days ago: the intake checklist's first items are overdue by now.
    const admittedOn = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    await page.getByRole('tab', { name: 'Episodes' }).click();
    await page.getByRole('button', { name: 'Admit' }).click();
    const admit = page.getByRole('dialog', { name: 'Admit to an episode of care' });
    await admit.getByLabel('Admission date').fill(admittedOn);
    await admit.getByLabel('Referral source').selectOption('criminal_justice');
    await admit.getByLabel('Setting of care').selectOption('intensive_outpatient');
    await admit.getByLabel('ASAM level of care').selectOption('2.1');
    await admit.getByLabel('Substance', { exact: true }).selectOption('opioids');
    await admit.getByLabel('Route').selectOption('injection');
    await admit.getByLabel('Frequency (past month)').selectOption('daily');
    await admit.getByRole('combobox', { name: 'Add a diagnosis' }).fill('opioid dependence uncomplicated');
    await page.getByRole('option', { name: /F11\.20/ }).click();
    await admit.getByRole('button', { name: 'Admit' }).click();
    await admit.waitFor({ state: 'detached' });
    const episode = page.locator('[data-testid^="episode-"]').first();
    await episode.getByText('In treatment').waitFor();
    await page
      .getByText(`Admitted ${calendarDate(admittedOn)}`, { exact: false })
      .first()
      .waitFor();

    // A loved one: named, willing to join family sessions; they see nothing without a consent.
    await page.getByRole('tab', { name: 'Consents' }).click();
    await page.getByRole('button', { name: 'Add support contact' }).click();
    const contact = page.getByRole('dialog', { name: 'Add a support contact' });
    await contact.getByLabel('Name').fill('Rafael Quintero');
    await contact.getByLabel('Relationship to the patient').fill('Brother');
    await contact.getByLabel('May join family sessions').check();
    await contact.getByRole('button', { name: 'Add support contact' }).click();
    await contact.waitFor({ state: 'detached' });
    await page.getByTestId('support-contacts').getByText('Rafael Quintero').waitFor();

    // The primary therapist, chosen from the ranked list, which says why each clinician fits.
    await page.getByRole('tab', { name: 'Care team' }).click();
    await page.getByRole('button', { name: 'Assign primary therapist' }).click();
    const assign = page.getByRole('dialog', { name: 'Assign a primary therapist' });
    const suggestions = assign.getByTestId('therapist-suggestions');
    await suggestions.getByRole('radio').first().waitFor();
    const ranked = (await suggestions.textContent()) ?? '';
    // A Spanish-speaking patient: the ranking weighs who speaks Spanish, and family involvement suggests family therapy.
    expect(ranked).toMatch(/speaks Spanish/);
    expect(ranked).toMatch(/caseload/);
    const top = suggestions.getByRole('radio').first();
    const topName = ((await top.getAttribute('aria-label')) ?? '').split(',')[0] ?? '';
    expect(topName).not.toBe('');
    await top.check();
    await assign.getByRole('button', { name: /^Assign/ }).click();
    await assign.waitFor({ state: 'detached' });
    await page.getByTestId('care-team-current').getByText(topName).first().waitFor();
    await saveScreenshot(page, 'admission-care-team');

    // The front desk sees the overdue intake of the new admission on its dashboard.
    const frontDesk = await signedIn('front_desk');
    const overdue = frontDesk.getByTestId('intake-overdue');
    await overdue.getByText('Quintero', { exact: false }).first().waitFor();
    await saveScreenshot(frontDesk, 'front-desk-intake-overdue');

    // Discharge, with an aftercare plan.
    await page.getByRole('tab', { name: 'Episodes' }).click();
    await episode.getByRole('button', { name: 'Discharge' }).click();
    const discharge = page.getByRole('dialog', { name: 'Discharge' });
    await discharge.getByLabel('Type of discharge').selectOption('planned_completion');
    await discharge.getByLabel('Aftercare plan').fill('Outpatient group twice a week; peer recovery coach');
    await discharge.getByRole('button', { name: 'Discharge' }).click();
    await page.getByRole('dialog', { name: 'Discharged' }).getByRole('button', { name: 'Done' }).click();
    await episode.getByText('Discharged', { exact: true }).waitFor();
    await saveScreenshot(page, 'admission-discharged');
  });
});
