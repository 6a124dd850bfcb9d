import { EmptyState, Stack } from '@mantine/core';
import { IconPill } from '@tabler/icons-react';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CaseloadCard } from '../../patients/components/CaseloadCard.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function PrescriberDashboard() {
  return (
    <Stack gap="lg">
      <PageHeader title="Prescriber dashboard" description="Maintenance medication work waiting for you." />
      <AlertsCard />
      <DashboardSection title="Medication tasks">
        <EmptyState
          icon={<IconPill />}
          withIndicatorBackground
          title="No medication tasks"
          description="Orders to review, doses to give and refills that fall due appear here."
        />
      </DashboardSection>
      <CaseloadCard />
      <IntakeOverdueCard />
    </Stack>
  );
}
