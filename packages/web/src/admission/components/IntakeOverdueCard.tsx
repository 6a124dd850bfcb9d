import { Badge, Button, EmptyState, Skeleton, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { mayCompleteIntakeItem } from '@tandem/core/admission/intake-items';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import { useMe } from '../../auth/me-context.ts';
import { DashboardSection } from '../../dashboard/components/DashboardSection.tsx';
import { admissionQueryKeys, overdueIntakeQueryOptions, tickIntakeItem } from '../api.ts';
import { invalidateRecord } from './IntakeChecklistPanel.tsx';

/** The dashboard's "Intake overdue" card: every staff role keeps the intake checklist. */
export function IntakeOverdueCard() {
  const intl = useIntl();
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
    <DashboardSection
      title={intl.formatMessage({
        id: 'admission.intakeOverdueCard.title',
        defaultMessage: 'Intake overdue',
      })}
    >
      {overdue.isPending && (
        <Skeleton
          height={60}
          aria-label={intl.formatMessage({
            id: 'admission.intakeOverdueCard.loading',
            defaultMessage: 'Loading overdue intake items',
          })}
        />
      )}
      {overdue.isError && <ErrorPanel error={overdue.error} onRetry={() => void overdue.refetch()} />}
      {done.isError && <ErrorPanel error={done.error} />}
      {overdue.isSuccess && overdue.data.length === 0 && (
        <EmptyState
          icon={<IconChecklist />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'admission.intakeOverdueCard.emptyTitle',
            defaultMessage: 'Nothing overdue',
          })}
          description={intl.formatMessage({
            id: 'admission.intakeOverdueCard.emptyDescription',
            defaultMessage: "Every active episode's intake checklist is on time.",
          })}
        />
      )}
      {overdue.isSuccess && overdue.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="intake-overdue">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="admission.intakeOverdueCard.patient" defaultMessage="Patient" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="admission.intakeOverdueCard.item" defaultMessage="Item" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="admission.intakeOverdueCard.overdue" defaultMessage="Overdue" />
                </Table.Th>
                <Table.Th>
                  <VisuallyHidden>
                    <FormattedMessage id="admission.intakeOverdueCard.actions" defaultMessage="Actions" />
                  </VisuallyHidden>
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
                      <FormattedMessage
                        id="admission.intakeOverdueCard.mrn"
                        defaultMessage="MRN {mrn}"
                        values={{ mrn: item.mrn }}
                      />
                    </Text>
                    {item.onMyCareTeam && (
                      <Badge ml="xs" size="xs" variant="light">
                        <FormattedMessage
                          id="admission.intakeOverdueCard.myCaseload"
                          defaultMessage="My caseload"
                        />
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{item.itemLabel}</Table.Td>
                  <Table.Td>
                    <Badge color="red" variant="light">
                      <FormattedMessage
                        id="admission.intakeOverdueCard.days"
                        defaultMessage="{days, plural, one {# day} other {# days}}"
                        values={{ days: item.daysOverdue }}
                      />
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
                        <FormattedMessage
                          id="admission.intakeOverdueCard.markDone"
                          defaultMessage="Mark done today"
                        />
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        <FormattedMessage
                          id="admission.intakeOverdueCard.forClinicalStaff"
                          defaultMessage="For clinical staff"
                        />
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
