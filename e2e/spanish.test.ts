import { demoPassword, spanishDemoFamilyMember, spanishDemoPatient } from '@tandem/server/demo/demo-accounts';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from './support/axe.ts';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

/**
 * Tandem in Spanish, end to end: a clinician who chooses Spanish registers, admits and discharges a patient; the
 * demo's Spanish-reading patient and her mother use their portals, from a Spanish browser's sign-in page on. axe
 * checks every Spanish page and dialog on the way.
 */
const { signedIn, newContext } = useBrowserTandem();

/** A calendar day as the Spanish pages write it ("5 ene 2026"). */
function spanishDate(day: string): string {
  return new Intl.DateTimeFormat('es', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

async function chooseSpanish(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('language-es').click();
  await page.waitForFunction(() => document.documentElement.lang === 'es');
}

/** Signs in through the sign-in page of a browser that asks for `locale`; resolves on the dashboard. */
async function signInWithBrowserIn(
  locale: string,
  email: string,
  labels: { email: string; password: string; submit: string },
) {
  const page = await (await newContext({ locale })).newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: labels.submit }).waitFor();
  await page.getByLabel(labels.email).fill(email);
  await page.getByLabel(labels.password).fill(demoPassword);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  return page;
}

const spanishSignIn = { email: 'Correo electrónico', password: 'Contraseña', submit: 'Iniciar sesión' };
const englishSignIn = { email: 'Email', password: 'Password', submit: 'Sign in' };

async function chooseLanguage(form: Locator, name: string) {
  await form.getByRole('combobox', { name: 'Idioma preferido' }).fill(name.slice(0, 4));
  await form.page().getByRole('option', { name, exact: true }).click();
}

describe('Tandem in Spanish', () => {
  it('lets a clinician choose Spanish, then register, admit, step down and discharge a patient in it', async () => {
    const page = await signedIn('clinician');
    await chooseSpanish(page);
    await page.getByRole('heading', { level: 1, name: /panel/i }).waitFor();
    await expectNoAxeViolations(page, 'es-clinician-dashboard');

    await page.getByRole('link', { name: 'Pacientes' }).click();
    await page.getByRole('link', { name: 'Registrar paciente' }).click();
    const form = page.getByRole('form', { name: 'Registrar a un paciente' });
    await form.getByRole('button', { name: 'Registrar paciente' }).click();
    await form.getByText('Ingrese el nombre legal').waitFor();
    await expectNoAxeViolations(page, 'es-register-errors');

    await form.getByLabel('Nombre legal').fill('Jose');
    await form.getByLabel('Apellidos legales').fill('Nguyen');
    await form.getByLabel('Fecha de nacimiento').fill('1975-09-30');
    await form.getByRole('button', { name: 'Registrar paciente' }).press('Enter');
    const duplicates = page.getByRole('dialog', { name: 'Es posible que esta persona ya esté registrada' });
    await duplicates.getByText('Nguyễn').waitFor();
    await expectNoAxeViolations(page, 'es-duplicate-dialog');
    await duplicates.getByRole('button', { name: 'Volver al formulario' }).click();

    await form.getByLabel('Nombre legal').fill('Valeria');
    await form.getByLabel('Apellidos legales').fill('Castillo');
    await form.getByLabel('Fecha de nacimiento').fill('1990-03-08');
    // Language names in the reader's language: Spanish is "Español" in the list, "español" in a sentence.
    await chooseLanguage(form, 'Español');
    await form.getByLabel('Necesita intérprete').check();
    await form.getByRole('button', { name: 'Registrar paciente' }).click();
    await page.getByRole('heading', { name: 'Valeria Castillo' }).waitFor();
    await page.getByRole('tab', { name: 'Resumen' }).click();
    const overview = page.getByRole('tabpanel', { name: 'Resumen' });
    await overview.getByText('español', { exact: true }).waitFor();
    await overview.getByText('Lo necesita', { exact: true }).waitFor();
    await expectNoAxeViolations(page, 'es-record-overview');

    await page.getByRole('tab', { name: 'Episodios' }).click();
    await page.getByRole('button', { name: 'Ingresar' }).click();
    const admit = page.getByRole('dialog', { name: 'Ingresar a un episodio de atención' });
    await admit.getByLabel('Origen de la derivación').selectOption('self');
    await admit.getByLabel('Modalidad de atención').selectOption('intensive_outpatient');
    await admit.getByLabel('Nivel de atención ASAM').selectOption('2.1');
    await admit.getByLabel('Sustancia', { exact: true }).selectOption('opioids');
    await admit.getByLabel('Vía').selectOption('smoking');
    await admit.getByLabel('Frecuencia (último mes)').selectOption('daily');
    await admit
      .getByRole('combobox', { name: 'Agregar un diagnóstico' })
      .fill('opioid dependence uncomplicated');
    await page.getByRole('option', { name: /F11\.20/ }).click();
    await expectNoAxeViolations(page, 'es-admit-dialog');
    await admit.getByRole('button', { name: 'Ingresar' }).click();
    await admit.waitFor({ state: 'detached' });

    const episode = page.locator('[data-testid^="episode-"]').first();
    await episode.getByText('En tratamiento').waitFor();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' }).format(new Date());
    await page.getByText(spanishDate(today), { exact: false }).first().waitFor();

    await episode.getByRole('button', { name: 'Cambiar el nivel de atención' }).click();
    const level = page.getByRole('dialog', { name: 'Cambiar el nivel de atención' });
    await level.getByLabel('Nueva modalidad').selectOption('outpatient');
    await level.getByLabel('Nivel ASAM').selectOption('1.5');
    await level.getByLabel('Motivo').fill('Estable, trabajando de nuevo');
    await expectNoAxeViolations(page, 'es-level-of-care-dialog');
    await level.getByRole('button', { name: 'Registrar el cambio' }).click();
    await level.waitFor({ state: 'detached' });
    await episode.getByText('Estable, trabajando de nuevo', { exact: false }).waitFor();

    await episode.getByRole('button', { name: 'Dar de alta' }).click();
    const discharge = page.getByRole('dialog', { name: 'Dar de alta' });
    await discharge.getByLabel('Tipo de alta').selectOption('planned_completion');
    await discharge.getByRole('button', { name: 'Dar de alta' }).click();
    await discharge.getByText('Escriba el plan de atención posterior', { exact: false }).waitFor();
    await discharge
      .getByLabel('Plan de atención posterior')
      .fill('Grupo de exalumnos semanal; llamada en 7 días');
    await discharge.getByRole('button', { name: 'Dar de alta' }).click();
    const done = page.getByRole('dialog', { name: 'Alta registrada' });
    await expectNoAxeViolations(page, 'es-discharged-dialog');
    await done.getByRole('button', { name: 'Listo' }).click();
    await episode.getByText('De alta', { exact: true }).waitFor();
    await saveScreenshot(page, 'es-episodes-tab');
    // Nothing English is left on the page but data (names, the diagnosis' ICD-10 wording, notes).
    expect(await page.getByRole('button', { name: 'Discharge' }).count()).toBe(0);
  });

  it("greets a Spanish browser in Spanish before sign-in, and the patient's portal follows her record's language", async () => {
    const signInPage = await (await newContext({ locale: 'es-MX' })).newPage();
    await signInPage.goto('/sign-in');
    await signInPage.getByRole('button', { name: 'Iniciar sesión' }).waitFor();
    expect(await signInPage.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectNoAxeViolations(signInPage, 'es-sign-in');

    const page = await signInWithBrowserIn('es-MX', spanishDemoPatient, spanishSignIn);
    await page.getByRole('heading', { level: 1, name: 'Panel principal del paciente' }).waitFor();
    await page.getByText('Le damos la bienvenida, Lucía Morales.').waitFor();
    await expectNoAxeViolations(page, 'es-patient-dashboard');
    await page.getByRole('link', { name: /Sus consentimientos/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Compartir su información' }).waitFor();
    // Her consent naming her mother, in her words and the program's Spanish.
    await page.getByText('Apoyo familiar durante el tratamiento', { exact: false }).first().waitFor();
    await page.getByText('Rosa Morales', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'es-patient-consents');
    await saveScreenshot(page, 'es-patient-consents');
  });

  it('shows her mother, who chose Spanish, the family portal in Spanish whatever her browser asks for', async () => {
    const page = await signInWithBrowserIn('en-US', spanishDemoFamilyMember, englishSignIn);
    await page.getByRole('heading', { level: 1, name: 'Panel principal del familiar' }).waitFor();
    await expectNoAxeViolations(page, 'es-family-dashboard');
    await page
      .getByRole('link', { name: /comparte con usted/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: /Lo que Lucía.* comparte con usted/ }).waitFor();
    // The redisclosure notice: the law's own English, and a translation labelled as one.
    const full = page.getByRole('button', { name: 'Leer el aviso completo' });
    if ((await full.count()) > 0) await full.first().click();
    await page.getByText('Texto oficial (inglés)').first().waitFor();
    await page.getByText('Traducción al español').first().waitFor();
    await page
      .getByText('This record which has been disclosed to you is protected', { exact: false })
      .first()
      .waitFor();
    await page.getByText('Este registro, que se le ha divulgado a usted', { exact: false }).first().waitFor();
    await expectNoAxeViolations(page, 'es-family-shared-record');
    await saveScreenshot(page, 'es-family-shared-record');
  });
});
