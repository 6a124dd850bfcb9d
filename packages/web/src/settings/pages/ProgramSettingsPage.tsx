import { Stack } from '@mantine/core';
import { IntakeChecklistSettings } from '../../admission/components/IntakeChecklistSettings.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CaseloadSettingSection } from '../../staff/components/CaseloadSettingSection.tsx';

/** The program's own settings (administrators): the intake checklist and the default caseload. */
export function ProgramSettingsPage() {
  return (
    <Stack gap="lg">
      <PageHeader title="Program settings" description="How this program admits and assigns patients." />
      <IntakeChecklistSettings />
      <CaseloadSettingSection />
    </Stack>
  );
}
