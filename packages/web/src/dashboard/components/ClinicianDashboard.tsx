import { EmptyState, Stack } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function ClinicianDashboard() {
  return (
    <Stack gap="lg">
      <PageHeader title="Clinician dashboard" description="Your patients and what their care needs next." />
      <DashboardSection title="My caseload">
        <EmptyState
          icon={<IconUsers />}
          withIndicatorBackground
          title="No patients are assigned to you yet"
          description="When a patient is admitted and assigned to you, they appear here."
        />
      </DashboardSection>
      <IntakeOverdueCard />
    </Stack>
  );
}
