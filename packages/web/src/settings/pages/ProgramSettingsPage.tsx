import { Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { IntakeChecklistSettings } from '../../admission/components/IntakeChecklistSettings.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { OrganizationLanguageSection } from '../../i18n/components/OrganizationLanguageSection.tsx';
import { OnDutyRoster } from '../../on-duty/components/OnDutyRoster.tsx';
import { MailWordingSection } from '../../outbox/components/MailWordingSection.tsx';
import { CaseloadSettingSection } from '../../staff/components/CaseloadSettingSection.tsx';

/** The program's own settings (administrators): the intake checklist, the default caseload, who is on duty. */
export function ProgramSettingsPage() {
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'settings.programSettingsPage.title',
          defaultMessage: 'Program settings',
        })}
        description={intl.formatMessage({
          id: 'settings.programSettingsPage.description',
          defaultMessage: 'How this program admits and assigns patients.',
        })}
      />
      <IntakeChecklistSettings />
      <CaseloadSettingSection />
      <OrganizationLanguageSection />
      <MailWordingSection />
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            <FormattedMessage
              id="settings.programSettingsPage.onDutyRoster"
              defaultMessage="On-duty roster"
            />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="settings.programSettingsPage.onDutyExplanation"
              defaultMessage="Who answers for the program, when. Risk signals reach whoever is on duty as well as the patient’s care team."
            />
          </Text>
          <OnDutyRoster />
        </Stack>
      </Paper>
    </Stack>
  );
}
