import { EmptyState, Stack } from '@mantine/core';
import { IconPill } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { AlertsCard } from '../../alerts/components/AlertsCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { CaseloadCard } from '../../patients/components/CaseloadCard.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function PrescriberDashboard() {
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.prescriberDashboard.title',
          defaultMessage: 'Prescriber dashboard',
        })}
        description={intl.formatMessage({
          id: 'dashboard.prescriberDashboard.description',
          defaultMessage: 'Maintenance medication work waiting for you.',
        })}
      />
      <AlertsCard />
      <DashboardSection
        title={intl.formatMessage({
          id: 'dashboard.prescriberDashboard.medicationTasks',
          defaultMessage: 'Medication tasks',
        })}
      >
        <EmptyState
          icon={<IconPill />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'dashboard.prescriberDashboard.noMedicationTasks',
            defaultMessage: 'No medication tasks',
          })}
          description={intl.formatMessage({
            id: 'dashboard.prescriberDashboard.noMedicationTasksDescription',
            defaultMessage: 'Orders to review, doses to give and refills that fall due appear here.',
          })}
        />
      </DashboardSection>
      <CaseloadCard />
      <IntakeOverdueCard />
    </Stack>
  );
}
