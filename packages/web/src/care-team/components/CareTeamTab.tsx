import {
  Badge,
  Button,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Timeline,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { IconUserCheck, IconUserMinus, IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { mayOnRecord } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { roleLabels } from '../../auth/roles.ts';
import type { RecordTabContext } from '../../patients/record-tab-context.ts';
import { careTeamQueryOptions } from '../api.ts';
import { historyEvents } from '../choice.ts';
import { careTeamRoleLabels } from '../labels.ts';
import { AddPlaceDialog } from './AddPlaceDialog.tsx';
import { AssignTherapistDialog } from './AssignTherapistDialog.tsx';
import { EndPlaceDialog } from './EndPlaceDialog.tsx';

/** Who cares for the patient now, and every change with who made it and why. */
export function CareTeamTab({ record, viewer, now }: RecordTabContext) {
  const intl = useIntl();
  const team = useQuery(careTeamQueryOptions(record.id));
  // The care team's therapist or case manager, or any supervisor, changes the team.
  const canChange = mayOnRecord(viewer, record, 'update', 'care_team', now);
  // Therapist matching reads the episode, which is clinical: the care team, or a supervisor through its member.
  const canRank = mayOnRecord(viewer, record, 'read', 'episode_of_care', now);
  const [dialog, setDialog] = useState<'assign' | 'add' | null>(null);
  const [endingId, setEndingId] = useState<string | null>(null);
  // The place as the team shows it now: after a conflict the dialog retries with the current version.
  const ending = team.data?.history.find((place) => place.id === endingId) ?? null;
  const primary = team.data?.current.find((place) => place.role === 'primary_therapist') ?? null;

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            <FormattedMessage id="careTeam.careTeamTab.title" defaultMessage="Care team" />
          </Title>
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="careTeam.careTeamTab.description"
              defaultMessage="Who cares for the patient now. A place that ends stays in the history below."
            />
          </Text>
        </Stack>
        {canChange && team.isSuccess && (
          <Group gap="xs">
            <Button leftSection={<IconUserCheck size={16} />} onClick={() => setDialog('assign')}>
              {primary === null ? (
                <FormattedMessage
                  id="careTeam.careTeamTab.assignPrimary"
                  defaultMessage="Assign primary therapist"
                />
              ) : (
                <FormattedMessage
                  id="careTeam.careTeamTab.changePrimary"
                  defaultMessage="Change primary therapist"
                />
              )}
            </Button>
            <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={() => setDialog('add')}>
              <FormattedMessage id="careTeam.careTeamTab.add" defaultMessage="Add to care team" />
            </Button>
          </Group>
        )}
      </Group>
      {team.isPending && (
        <Skeleton
          height={120}
          aria-label={intl.formatMessage({
            id: 'careTeam.careTeamTab.loading',
            defaultMessage: 'Loading the care team',
          })}
        />
      )}
      {team.isError && <ErrorPanel error={team.error} onRetry={() => void team.refetch()} />}
      {team.isSuccess && team.data.current.length === 0 && (
        <EmptyState
          icon={<IconUsersGroup />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'careTeam.careTeamTab.empty',
            defaultMessage: 'Nobody is on the care team yet',
          })}
        />
      )}
      {team.isSuccess && team.data.current.length > 0 && (
        <Table.ScrollContainer minWidth={600}>
          <Table verticalSpacing="xs" data-testid="care-team-current">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="careTeam.careTeamTab.place" defaultMessage="Place" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="careTeam.careTeamTab.staffMember" defaultMessage="Staff member" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="careTeam.careTeamTab.since" defaultMessage="Since" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="careTeam.careTeamTab.why" defaultMessage="Why" />
                </Table.Th>
                {canChange && (
                  <Table.Th>
                    <VisuallyHidden>
                      <FormattedMessage id="careTeam.careTeamTab.actions" defaultMessage="Actions" />
                    </VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {team.data.current.map((place) => (
                <Table.Tr key={place.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {intl.formatMessage(careTeamRoleLabels[place.role])}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{place.staffName}</Text>
                    <Group gap={4}>
                      <Text size="xs" c="dimmed">
                        {[intl.formatMessage(roleLabels[place.staffJobRole]), ...place.staffCredentials].join(
                          ' · ',
                        )}
                      </Text>
                      {!place.staffActive && (
                        <Badge size="xs" color="red" variant="light">
                          <FormattedMessage
                            id="careTeam.careTeamTab.noLongerOnStaff"
                            defaultMessage="No longer on staff"
                          />
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{intl.formatDate(place.startedAt, { dateStyle: 'medium' })}</Text>
                    {place.assignedByName && (
                      <Text size="xs" c="dimmed">
                        <FormattedMessage
                          id="careTeam.careTeamTab.assignedBy"
                          defaultMessage="by {name}"
                          values={{ name: place.assignedByName }}
                        />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={place.assignmentReason ? undefined : 'dimmed'}>
                      {place.assignmentReason ?? '—'}
                    </Text>
                  </Table.Td>
                  {canChange && (
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconUserMinus size={14} />}
                        onClick={() => setEndingId(place.id)}
                        aria-label={intl.formatMessage(
                          {
                            id: 'careTeam.careTeamTab.endPlaceLabel',
                            defaultMessage: 'End place: {name}, {place}',
                          },
                          {
                            name: place.staffName,
                            place: intl
                              .formatMessage(careTeamRoleLabels[place.role])
                              .toLocaleLowerCase(intl.locale),
                          },
                        )}
                      >
                        <FormattedMessage id="careTeam.careTeamTab.endPlace" defaultMessage="End place" />
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {team.isSuccess && team.data.history.length > 0 && (
        <Stack gap="sm">
          <Title order={3} size="h5">
            <FormattedMessage id="careTeam.careTeamTab.history" defaultMessage="History" />
          </Title>
          <Timeline bulletSize={14} lineWidth={2} data-testid="care-team-history">
            {historyEvents(intl, team.data.history).map((event) => (
              <Timeline.Item
                key={event.key}
                title={event.text}
                color={event.kind === 'ended' ? 'gray' : 'teal'}
              >
                <Text size="xs" c="dimmed">
                  {intl.formatDate(event.when, { dateStyle: 'medium', timeStyle: 'short' })}
                  {event.by ? ` · ${event.by}` : ''}
                </Text>
                {event.reason && (
                  <Text size="sm">
                    <FormattedMessage
                      id="careTeam.careTeamTab.quotedReason"
                      defaultMessage="“{reason}”"
                      values={{ reason: event.reason }}
                    />
                  </Text>
                )}
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
      {dialog === 'assign' && (
        <AssignTherapistDialog
          patientId={record.id}
          current={primary}
          canRank={canRank}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'add' && <AddPlaceDialog patientId={record.id} onClose={() => setDialog(null)} />}
      {ending !== null && (
        <EndPlaceDialog patientId={record.id} place={ending} onClose={() => setEndingId(null)} />
      )}
    </Stack>
  );
}
