import { Stack } from '@mantine/core';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CaseloadCard } from '../../patients/components/CaseloadCard.tsx';

export function ClinicianDashboard() {
  return (
    <Stack gap="lg">
      <PageHeader title="Clinician dashboard" description="Your patients and what their care needs next." />
      <CaseloadCard />
      <IntakeOverdueCard />
    </Stack>
  );
}
