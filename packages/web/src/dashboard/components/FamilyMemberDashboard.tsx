import { Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { SharedWithYouList } from '../../disclosures/components/SharedWithYouList.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function FamilyMemberDashboard() {
  const { user } = useMe();
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.familyMemberDashboard.title',
          defaultMessage: 'Family member dashboard',
        })}
        description={intl.formatMessage(
          { id: 'dashboard.familyMemberDashboard.welcome', defaultMessage: 'Welcome, {name}.' },
          { name: user.name },
        )}
      />
      <Text>
        <FormattedMessage
          id="dashboard.familyMemberDashboard.protectedByLaw"
          defaultMessage="Treatment records are protected by law. You see only what the patient has consented in writing to share with you, for as long as that consent lasts. The patient can change or withdraw it at any time."
        />
      </Text>
      <DashboardSection
        title={intl.formatMessage({
          id: 'dashboard.familyMemberDashboard.sharedWithYou',
          defaultMessage: 'Shared with you',
        })}
      >
        <SharedWithYouList />
      </DashboardSection>
    </Stack>
  );
}
