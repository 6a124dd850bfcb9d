import { Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { StaffDirectory } from '../../staff/components/StaffDirectory.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function AdminDashboard() {
  const { organization } = useMe();
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.adminDashboard.title',
          defaultMessage: 'Admin dashboard',
        })}
        description={intl.formatMessage(
          {
            id: 'dashboard.adminDashboard.description',
            defaultMessage: 'The people who work at {organization}.',
          },
          { organization: organization.name },
        )}
      />
      <AlertsCard />
      <DashboardSection
        title={intl.formatMessage({ id: 'dashboard.adminDashboard.staff', defaultMessage: 'Staff' })}
      >
        <StaffDirectory />
      </DashboardSection>
    </Stack>
  );
}
