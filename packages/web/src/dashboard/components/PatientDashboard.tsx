import { Stack, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { ButtonLink } from '../../app/links.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { OwnCareTeamCard } from '../../care-team/components/OwnCareTeamCard.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function PatientDashboard() {
  const { user } = useMe();
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.patientDashboard.title',
          defaultMessage: 'Patient dashboard',
        })}
        description={intl.formatMessage(
          { id: 'dashboard.patientDashboard.welcome', defaultMessage: 'Welcome, {name}.' },
          { name: user.name },
        )}
      />
      <OwnCareTeamCard />
      <DashboardSection
        title={intl.formatMessage({
          id: 'dashboard.patientDashboard.sharing',
          defaultMessage: 'Sharing your information',
        })}
      >
        <Text size="sm">
          <FormattedMessage
            id="dashboard.patientDashboard.private"
            defaultMessage="Your treatment records are private. Family members and friends see only what you agree in writing to share with them, and you can withdraw that agreement at any time."
          />
        </Text>
        <ButtonLink to="/my-consents" variant="light" mt="sm">
          <FormattedMessage
            id="dashboard.patientDashboard.myConsents"
            defaultMessage="Your consents and who received your information"
          />
        </ButtonLink>
      </DashboardSection>
    </Stack>
  );
}
