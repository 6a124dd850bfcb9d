import { Stack } from '@mantine/core';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { StaffDirectory } from '../../staff/components/StaffDirectory.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function AdminDashboard() {
  const { organization } = useMe();
  return (
    <Stack gap="lg">
      <PageHeader title="Admin dashboard" description={`The people who work at ${organization.name}.`} />
      <AlertsCard />
      <DashboardSection title="Staff">
        <StaffDirectory />
      </DashboardSection>
    </Stack>
  );
}
