import { Badge, Button, EmptyState, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { mayCompleteIntakeItem } from '@tandem/core/admission/intake-items';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { useMe } from '../../auth/me-context.ts';
import { DashboardSection } from '../../dashboard/components/DashboardSection.tsx';
import { admissionQueryKeys, overdueIntakeQueryOptions, tickIntakeItem } from '../api.ts';
import { invalidateRecord } from './IntakeChecklistPanel.tsx';

/** The dashboard's "Intake overdue" card: every staff role keeps the intake checklist. */
export function IntakeOverdueCard() {
  const today = useProgramToday();
  const queryClient = useQueryClient();
  const { role } = useMe();
  const overdue = useQuery(overdueIntakeQueryOptions);
  const done = useMutation({
    mutationFn: (item: { patientId: string; episodeId: string; itemId: string }) =>
      tickIntakeItem(item.patientId, item.episodeId, item.itemId, { completedOn: today }),
    onSuccess: (_items, item) => {
      void queryClient.invalidateQueries({ queryKey: admissionQueryKeys.overdue });
      invalidateRecord(queryClient, item.patientId);
    },
  });
  return (
    <DashboardSection title="Intake overdue">
      {overdue.isPending && <Skeleton height={60} aria-label="Loading overdue intake items" />}
      {overdue.isError && <ErrorPanel error={overdue.error} onRetry={() => void overdue.refetch()} />}
      {done.isError && <ErrorPanel error={done.error} />}
      {overdue.isSuccess && overdue.data.length === 0 && (
        <EmptyState
          icon={<IconChecklist />}
          withIndicatorBackground
          title="Nothing overdue"
          description="Every active episode's intake checklist is on time."
        />
      )}
      {overdue.isSuccess && overdue.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="intake-overdue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Patient</Table.Th>
                <Table.Th>Item</Table.Th>
                <Table.Th>Overdue</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overdue.data.map((item) => (
                <Table.Tr key={`${item.episodeId}-${item.itemId}`}>
                  <Table.Td>
                    <AnchorLink
                      to="/patients/$patientId"
                      params={{ patientId: item.patientId }}
                      search={{ tab: 'episodes' }}
                    >
                      {item.patientName}
                    </AnchorLink>{' '}
                    <Text span size="xs" c="dimmed">
                      MRN {item.mrn}
                    </Text>
                    {item.onMyCareTeam && (
                      <Badge ml="xs" size="xs" variant="light">
                        My caseload
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{item.itemLabel}</Table.Td>
                  <Table.Td>
                    <Badge color="red" variant="light">
                      {item.daysOverdue} {item.daysOverdue === 1 ? 'day' : 'days'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {mayCompleteIntakeItem(role, item.itemKind) ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        loading={done.isPending && done.variables?.itemId === item.itemId}
                        onClick={() => done.mutate(item)}
                      >
                        Mark done today
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        For clinical staff
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </DashboardSection>
  );
}
