import { Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { BreakGlassReviewQueue } from '../../audit-log/components/BreakGlassReviewQueue.tsx';
import { useMe } from '../../auth/me-context.ts';
import { OnDutyRoster } from '../../on-duty/components/OnDutyRoster.tsx';
import { StaffDirectory } from '../../staff/components/StaffDirectory.tsx';
import { DashboardSection } from './DashboardSection.tsx';
import { ProgramOverviewCard } from './ProgramOverviewCard.tsx';

export function SupervisorDashboard() {
  const { organization } = useMe();
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.supervisorDashboard.title',
          defaultMessage: 'Supervisor dashboard',
        })}
        description={intl.formatMessage(
          { id: 'dashboard.supervisorDashboard.description', defaultMessage: 'How {organization} is doing.' },
          { organization: organization.name },
        )}
      />
      <AlertsCard />
      <DashboardSection
        title={intl.formatMessage({ id: 'dashboard.supervisorDashboard.onDuty', defaultMessage: 'On duty' })}
      >
        <OnDutyRoster />
      </DashboardSection>
      <ProgramOverviewCard />
      <DashboardSection
        title={intl.formatMessage({
          id: 'dashboard.supervisorDashboard.breakGlassToReview',
          defaultMessage: 'Break-the-glass accesses to review',
        })}
      >
        <BreakGlassReviewQueue />
      </DashboardSection>
      <DashboardSection
        title={intl.formatMessage({ id: 'dashboard.supervisorDashboard.staff', defaultMessage: 'Staff' })}
      >
        <StaffDirectory />
      </DashboardSection>
      <IntakeOverdueCard />
    </Stack>
  );
}
