import { EmptyState, Stack } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import { IntakeOverdueCard } from '../../admission/components/IntakeOverdueCard.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { DashboardSection } from './DashboardSection.tsx';

const todayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });

export function FrontDeskDashboard() {
  return (
    <Stack gap="lg">
      <PageHeader title="Front desk dashboard" description={todayFormat.format(new Date())} />
      <DashboardSection title="Today's schedule">
        <EmptyState
          icon={<IconCalendarEvent />}
          withIndicatorBackground
          title="Nothing is scheduled for today"
          description="Sessions and admissions booked for today appear here, ready for check-in."
        />
      </DashboardSection>
      <IntakeOverdueCard />
    </Stack>
  );
}
