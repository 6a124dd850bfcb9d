import { Stack } from '@mantine/core';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CaseloadCard } from '../../patients/components/CaseloadCard.tsx';

export function ClinicianDashboard() {
  return (
    <Stack gap="lg">
      <PageHeader title="Clinician dashboard" description="Your patients and what their care needs next." />
      <AlertsCard />
      <CaseloadCard />
      <IntakeOverdueCard />
    </Stack>
  );
}
