import { describe, it } from 'vitest';
import { saveScreenshot } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const { signedIn } = useBrowserTandem();

describe('alerts that reach a person', () => {
  it('shows the clinician the overdue intake alert routed to them, until they record what was done', async () => {
    const page = await signedIn('clinician');
    const alerts = page.getByTestId('my-alerts');
    const joe = alerts.getByRole('row', { name: /Intake item overdue.*Intake assessments done was due on/ });
    await joe.waitFor();
    await joe.getByRole('link', { name: /Joe/ }).waitFor();
    await joe.getByRole('button', { name: 'I have it' }).click();
    await joe.getByText('Dr. Casey Rivera has it').waitFor();
    await saveScreenshot(page, 'alerts-clinician-dashboard');

    await joe.getByRole('button', { name: 'Record what was done' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record what was done' });
    await dialog.getByLabel('What was done').fill('done');
    await dialog.getByRole('button', { name: 'Close the alert' }).click();
    await dialog.getByText('Say what was done (at least 10 characters)').waitFor();
    await dialog
      .getByLabel('What was done')
      .fill('PHQ-9 and GAD-7 booked with Joe for tomorrow morning; intake assessments then due.');
    await dialog.getByRole('button', { name: 'Close the alert' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('No alerts').waitFor();
  });
});
