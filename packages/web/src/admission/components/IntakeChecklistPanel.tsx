import { Badge, Checkbox, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { IntakeItemKind } from '@tandem/core/admission/intake-items';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { alertQueryKeys } from '../../alerts/api.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { patientQueryKeys } from '../../patients/api.ts';
import { formatCalendarDate } from '../../patients/labels.ts';
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
  const intl = useIntl();
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
  if (checklist.isPending) {
    return (
      <Skeleton
        height={60}
        aria-label={intl.formatMessage({
          id: 'admission.intakeChecklistPanel.loading',
          defaultMessage: 'Loading the intake checklist',
        })}
      />
    );
  }
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
                      ? intl.formatMessage({
                          id: 'admission.intakeChecklistPanel.clinicalOnly',
                          defaultMessage: 'Clinical staff complete this item',
                        })
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
                      {item.completedBy ? (
                        <FormattedMessage
                          id="admission.intakeChecklistPanel.doneBy"
                          defaultMessage="Done {date} by {name}"
                          values={{
                            date: formatCalendarDate(intl, item.completedOn),
                            name: item.completedBy,
                          }}
                        />
                      ) : (
                        <FormattedMessage
                          id="admission.intakeChecklistPanel.done"
                          defaultMessage="Done {date}"
                          values={{ date: formatCalendarDate(intl, item.completedOn) }}
                        />
                      )}
                    </Text>
                  ) : item.daysOverdue > 0 ? (
                    <Badge color="red" variant="light">
                      <FormattedMessage
                        id="admission.intakeChecklistPanel.overdue"
                        defaultMessage="{days, plural, one {# day} other {# days}} overdue"
                        values={{ days: item.daysOverdue }}
                      />
                    </Badge>
                  ) : (
                    <Text size="sm" c="dimmed">
                      <FormattedMessage
                        id="admission.intakeChecklistPanel.due"
                        defaultMessage="Due {date}"
                        values={{ date: formatCalendarDate(intl, item.dueOn) }}
                      />
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
