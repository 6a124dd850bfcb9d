import { Stack } from '@mantine/core';
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
  return (
    <Stack gap="lg">
      <PageHeader title="Supervisor dashboard" description={`How ${organization.name} is doing.`} />
      <AlertsCard />
      <DashboardSection title="On duty">
        <OnDutyRoster />
      </DashboardSection>
      <ProgramOverviewCard />
      <DashboardSection title="Break-the-glass accesses to review">
        <BreakGlassReviewQueue />
      </DashboardSection>
      <DashboardSection title="Staff">
        <StaffDirectory />
      </DashboardSection>
      <IntakeOverdueCard />
    </Stack>
  );
}
