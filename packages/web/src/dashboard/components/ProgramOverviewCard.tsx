import { EmptyState, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { defineMessage, defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { overdueIntakeQueryOptions } from '../../admission/api.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { levelOfCareText } from '../../patients/list-filters.ts';
import { patientsInTreatmentQueryOptions } from '../api.ts';
import { monthStartLabel, programOverview } from '../program-overview.ts';
import { DashboardSection } from './DashboardSection.tsx';

/** A count where the list stopped counting: "50+". */
const atLeast = defineMessage<{ count: number }>({
  id: 'dashboard.programOverviewCard.atLeast',
  defaultMessage: '{count, number}+',
});

const messages = defineMessages({
  title: { id: 'dashboard.programOverviewCard.title', defaultMessage: 'Program overview' },
  loading: { id: 'dashboard.programOverviewCard.loading', defaultMessage: 'Loading the program overview' },
  emptyTitle: { id: 'dashboard.programOverviewCard.emptyTitle', defaultMessage: 'Nobody is in treatment' },
  emptyDescription: {
    id: 'dashboard.programOverviewCard.emptyDescription',
    defaultMessage:
      'Patients in treatment are counted here by level of care as soon as an episode of care is opened for one.',
  },
  inTreatment: { id: 'dashboard.programOverviewCard.inTreatment', defaultMessage: 'In treatment' },
  intakeOverdue: {
    id: 'dashboard.programOverviewCard.intakeOverdue',
    defaultMessage: 'Intake items overdue',
  },
  intakeOverdueFailed: {
    id: 'dashboard.programOverviewCard.intakeOverdueFailed',
    defaultMessage: 'could not be loaded: see Intake overdue',
  },
});

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  const labelId = useId();
  return (
    <Stack gap={2} role="group" aria-labelledby={labelId}>
      <Text size="sm" fw={500} id={labelId}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {note}
      </Text>
    </Stack>
  );
}

/** Census of the program from the patient list and the overdue intake items: only what those tell the caller. */
export function ProgramOverviewCard() {
  const intl = useIntl();
  const today = useProgramToday();
  const patients = useQuery(patientsInTreatmentQueryOptions);
  const overdue = useQuery(overdueIntakeQueryOptions);
  const overview = patients.isSuccess ? programOverview(patients.data, today) : undefined;
  const seen =
    overview === undefined ? 0 : overview.inTreatment - overview.levelNotShown - overview.notFetched;
  return (
    <DashboardSection title={intl.formatMessage(messages.title)}>
      {patients.isPending && <Skeleton height={80} aria-label={intl.formatMessage(messages.loading)} />}
      {patients.isError && <ErrorPanel error={patients.error} onRetry={() => void patients.refetch()} />}
      {overview !== undefined && overview.inTreatment === 0 && (
        <EmptyState
          icon={<IconChartBar />}
          withIndicatorBackground
          title={intl.formatMessage(messages.emptyTitle)}
          description={intl.formatMessage(messages.emptyDescription)}
        />
      )}
      {overview !== undefined && overview.inTreatment > 0 && (
        <Stack gap="md" data-testid="program-overview">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure
              label={intl.formatMessage(messages.inTreatment)}
              value={
                overview.inTreatmentIsExact
                  ? intl.formatNumber(overview.inTreatment)
                  : intl.formatMessage(atLeast, { count: overview.inTreatment })
              }
              note={intl.formatMessage(
                {
                  id: 'dashboard.programOverviewCard.inTreatmentNote',
                  defaultMessage:
                    '{count, plural, one {patient with an open episode of care} other {patients with an open episode of care}}',
                },
                { count: overview.inTreatment },
              )}
            />
            <Figure
              label={intl.formatMessage(
                {
                  id: 'dashboard.programOverviewCard.admittedSince',
                  defaultMessage: 'Admitted since {date}',
                },
                { date: monthStartLabel(intl, overview.monthStart) },
              )}
              value={intl.formatNumber(overview.admittedThisMonth)}
              note={intl.formatMessage(
                {
                  id: 'dashboard.programOverviewCard.admittedNote',
                  defaultMessage:
                    '{admitted, plural, one {still in treatment} other {still in treatment}}, of the {seen, plural, one {# whose episode you can read} other {# whose episodes you can read}}',
                },
                { admitted: overview.admittedThisMonth, seen },
              )}
            />
            <Figure
              label={intl.formatMessage(messages.intakeOverdue)}
              value={
                overdue.isSuccess
                  ? overdue.data.length >= 50
                    ? intl.formatMessage(atLeast, { count: overdue.data.length })
                    : intl.formatNumber(overdue.data.length)
                  : overdue.isError
                    ? '–'
                    : '…'
              }
              note={
                overdue.isError
                  ? intl.formatMessage(messages.intakeOverdueFailed)
                  : intl.formatMessage(
                      {
                        id: 'dashboard.programOverviewCard.intakeOverdueNote',
                        defaultMessage:
                          '{count, plural, one {listed in Intake overdue} other {listed in Intake overdue}}',
                      },
                      { count: overdue.data?.length ?? 0 },
                    )
              }
            />
          </SimpleGrid>
          <Table verticalSpacing={4} data-testid="program-overview-levels">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage
                    id="dashboard.programOverviewCard.levelOfCare"
                    defaultMessage="Level of care"
                  />
                </Table.Th>
                <Table.Th ta="right">
                  <FormattedMessage id="dashboard.programOverviewCard.patients" defaultMessage="Patients" />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.byLevelOfCare.map(({ level, count }) => {
                const label = levelOfCareText(intl, level);
                return (
                  <Table.Tr key={label}>
                    <Table.Td>{label}</Table.Td>
                    <Table.Td ta="right">{intl.formatNumber(count)}</Table.Td>
                  </Table.Tr>
                );
              })}
              {overview.levelNotShown > 0 && (
                <Table.Tr>
                  <Table.Td>
                    <FormattedMessage
                      id="dashboard.programOverviewCard.notSupervised"
                      defaultMessage="Care teams you do not supervise (their level of care is the team’s to see)"
                    />
                  </Table.Td>
                  <Table.Td ta="right">{intl.formatNumber(overview.levelNotShown)}</Table.Td>
                </Table.Tr>
              )}
              {overview.notFetched > 0 && (
                <Table.Tr>
                  <Table.Td>
                    <FormattedMessage
                      id="dashboard.programOverviewCard.notFetched"
                      defaultMessage="Not counted by level: past the first {count, number}"
                      values={{ count: seen + overview.levelNotShown }}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{intl.formatNumber(overview.notFetched)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            <FormattedMessage
              id="dashboard.programOverviewCard.comingMeasures"
              defaultMessage="Attendance and outcome measures will join these figures once Tandem schedules sessions and records measures; it does neither yet."
            />
          </Text>
        </Stack>
      )}
    </DashboardSection>
  );
}
