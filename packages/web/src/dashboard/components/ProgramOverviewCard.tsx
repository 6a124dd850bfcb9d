import { EmptyState, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconChartBar } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { overdueIntakeQueryOptions } from '../../admission/api.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { patientsInTreatmentQueryOptions } from '../api.ts';
import { monthStartLabel, programOverview } from '../program-overview.ts';
import { DashboardSection } from './DashboardSection.tsx';

const count = new Intl.NumberFormat('en-US');

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
  const today = useProgramToday();
  const patients = useQuery(patientsInTreatmentQueryOptions);
  const overdue = useQuery(overdueIntakeQueryOptions);
  const overview = patients.isSuccess ? programOverview(patients.data, today) : undefined;
  const seen =
    overview === undefined ? 0 : overview.inTreatment - overview.levelNotShown - overview.notFetched;
  return (
    <DashboardSection title="Program overview">
      {patients.isPending && <Skeleton height={80} aria-label="Loading the program overview" />}
      {patients.isError && <ErrorPanel error={patients.error} onRetry={() => void patients.refetch()} />}
      {overview !== undefined && overview.inTreatment === 0 && (
        <EmptyState
          icon={<IconChartBar />}
          withIndicatorBackground
          title="Nobody is in treatment"
          description="Patients in treatment are counted here by level of care as soon as an episode of care is opened for one."
        />
      )}
      {overview !== undefined && overview.inTreatment > 0 && (
        <Stack gap="md" data-testid="program-overview">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Figure
              label="In treatment"
              value={`${count.format(overview.inTreatment)}${overview.inTreatmentIsExact ? '' : '+'}`}
              note="patients with an open episode of care"
            />
            <Figure
              label={`Admitted since ${monthStartLabel(overview.monthStart)}`}
              value={count.format(overview.admittedThisMonth)}
              note={`still in treatment, of the ${count.format(seen)} whose episodes you can read`}
            />
            <Figure
              label="Intake items overdue"
              value={
                overdue.isSuccess
                  ? `${count.format(overdue.data.length)}${overdue.data.length >= 50 ? '+' : ''}`
                  : overdue.isError
                    ? '–'
                    : '…'
              }
              note={overdue.isError ? 'could not be loaded: see Intake overdue' : 'listed in Intake overdue'}
            />
          </SimpleGrid>
          <Table verticalSpacing={4} data-testid="program-overview-levels">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Level of care</Table.Th>
                <Table.Th ta="right">Patients</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.byLevelOfCare.map((level) => (
                <Table.Tr key={level.label}>
                  <Table.Td>{level.label}</Table.Td>
                  <Table.Td ta="right">{count.format(level.count)}</Table.Td>
                </Table.Tr>
              ))}
              {overview.levelNotShown > 0 && (
                <Table.Tr>
                  <Table.Td>
                    Care teams you do not supervise (their level of care is the team’s to see)
                  </Table.Td>
                  <Table.Td ta="right">{count.format(overview.levelNotShown)}</Table.Td>
                </Table.Tr>
              )}
              {overview.notFetched > 0 && (
                <Table.Tr>
                  <Table.Td>
                    Not counted by level: past the first {count.format(seen + overview.levelNotShown)}
                  </Table.Td>
                  <Table.Td ta="right">{count.format(overview.notFetched)}</Table.Td>
                </Table.Tr>
              )}
            </Table.Tbody>
          </Table>
          <Text size="xs" c="dimmed">
            Attendance and outcome measures will join these figures once Tandem schedules sessions and records
            measures; it does neither yet.
          </Text>
        </Stack>
      )}
    </DashboardSection>
  );
}
