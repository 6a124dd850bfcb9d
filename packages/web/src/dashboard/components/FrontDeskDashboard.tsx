import { EmptyState, Stack } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { useIntl } from 'react-intl';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { DashboardSection } from './DashboardSection.tsx';

export function FrontDeskDashboard() {
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'dashboard.frontDeskDashboard.title',
          defaultMessage: 'Front desk dashboard',
        })}
        description={intl.formatDate(new Date(), { weekday: 'long', month: 'long', day: 'numeric' })}
      />
      <DashboardSection
        title={intl.formatMessage({
          id: 'dashboard.frontDeskDashboard.todaysSchedule',
          defaultMessage: "Today's schedule",
        })}
      >
        <EmptyState
          icon={<IconCalendarEvent />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'dashboard.frontDeskDashboard.nothingScheduled',
            defaultMessage: 'Nothing is scheduled for today',
          })}
          description={intl.formatMessage({
            id: 'dashboard.frontDeskDashboard.nothingScheduledDescription',
            defaultMessage: 'Sessions and admissions booked for today appear here, ready for check-in.',
          })}
        />
      </DashboardSection>
      <IntakeOverdueCard />
    </Stack>
  );
}
