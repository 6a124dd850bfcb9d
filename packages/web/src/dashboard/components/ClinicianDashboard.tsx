import { Stack } from '@mantine/core';
import { useIntl } from 'react-intl';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CaseloadCard } from '../../patients/components/CaseloadCard.tsx';

export function ClinicianDashboard() {
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.clinicianDashboard.title',
          defaultMessage: 'Clinician dashboard',
        })}
        description={intl.formatMessage({
          id: 'dashboard.clinicianDashboard.description',
          defaultMessage: 'Your patients and what their care needs next.',
        })}
      />
      <AlertsCard />
      <CaseloadCard />
      <IntakeOverdueCard />
    </Stack>
  );
}
