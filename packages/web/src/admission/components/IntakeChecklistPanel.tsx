import { Badge, Checkbox, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { IntakeItemKind } from '@tandem/core/admission/intake-items';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { alertQueryKeys } from '../../alerts/api.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import { admissionQueryKeys, intakeQueryOptions, tickIntakeItem } from '../api.ts';

/** One episode's intake checklist: what is due when, what is done, what is overdue. Ticking is one keypress. */
export function IntakeChecklistPanel({
  patientId,
  episodeId,
  canTick,
}: {
  patientId: string;
  episodeId: string;
  /** Whether the viewer may tick or untick an item of this kind. */
  canTick: (kind: IntakeItemKind) => boolean;
}) {
  const today = useProgramToday();
  const queryClient = useQueryClient();
  const checklist = useQuery(intakeQueryOptions(patientId, episodeId));
  const tick = useMutation({
    mutationFn: ({ itemId, done }: { itemId: string; done: boolean }) =>
      tickIntakeItem(patientId, episodeId, itemId, done ? { completedOn: today } : null),
    onSuccess: (items) => {
      queryClient.setQueryData(admissionQueryKeys.intake(patientId, episodeId), items);
      void queryClient.invalidateQueries({ queryKey: admissionQueryKeys.episodes(patientId) });
      void queryClient.invalidateQueries({ queryKey: admissionQueryKeys.overdue });
      // Completing an item resolves its overdue alert (on the server, in the same change).
      void queryClient.invalidateQueries({ queryKey: alertQueryKeys.mine });
    },
  });
  if (checklist.isPending) return <Skeleton height={60} aria-label="Loading the intake checklist" />;
  if (checklist.isError)
    return <ErrorPanel error={checklist.error} onRetry={() => void checklist.refetch()} />;
  return (
    <Stack gap="xs">
      {tick.isError && <ErrorPanel error={tick.error} />}
      <Table verticalSpacing={4} data-testid={`intake-${episodeId}`}>
        <Table.Tbody>
          {checklist.data.map((item) => (
            <Table.Tr key={item.itemId}>
              <Table.Td>
                <Checkbox
                  label={item.label}
                  checked={item.completedOn !== null}
                  disabled={!canTick(item.kind) || tick.isPending}
                  description={
                    item.kind === 'clinical' && !canTick(item.kind)
                      ? 'Clinical staff complete this item'
                      : undefined
                  }
                  onChange={(event) =>
                    tick.mutate({ itemId: item.itemId, done: event.currentTarget.checked })
                  }
                />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end">
                  {item.completedOn !== null ? (
                    <Text size="sm" c="dimmed">
                      Done {item.completedOn}
                      {item.completedBy ? ` by ${item.completedBy}` : ''}
                    </Text>
                  ) : item.daysOverdue > 0 ? (
                    <Badge color="red" variant="light">
                      {item.daysOverdue} {item.daysOverdue === 1 ? 'day' : 'days'} overdue
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      Due {item.dueOn}
                    </Text>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/**
 * Keeps the record's queries fresh after a tick made elsewhere (the dashboard card), and the alerts: completing
 * an item resolves its overdue alert.
 */
export function invalidateRecord(queryClient: ReturnType<typeof useQueryClient>, patientId: string) {
  void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
  void queryClient.invalidateQueries({ queryKey: alertQueryKeys.mine });
}
