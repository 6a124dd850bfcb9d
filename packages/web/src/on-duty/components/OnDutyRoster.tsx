import {
  Alert,
  Badge,
  Button,
  EmptyState,
  Group,
  NativeSelect,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconUserShield } from '@tabler/icons-react';
import { type OnDutyDuty, onDutyDuties, onDutyJobRoles } from '@tandem/core/on-duty/duties';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useMe } from '../../auth/me-context.ts';
import { staffListQueryOptions } from '../../staff/api.ts';
import {
  addOnDutyShift,
  endOnDutyShift,
  type OnDutyShift,
  onDutyQueryKeys,
  onDutyRosterQueryOptions,
} from '../api.ts';
import { dutyLabels } from '../labels.ts';

const messages = defineMessages({
  shiftEnded: { id: 'onDuty.onDutyRoster.shiftEnded', defaultMessage: 'Shift ended.' },
  loading: { id: 'onDuty.onDutyRoster.loading', defaultMessage: 'Loading the on-duty roster' },
  emptyTitle: { id: 'onDuty.onDutyRoster.emptyTitle', defaultMessage: 'Nobody is on duty' },
  emptyDescription: {
    id: 'onDuty.onDutyRoster.emptyDescription',
    defaultMessage: "Risk signals go to each patient's care team, or to the supervisors when there is none.",
  },
});

/**
 * The on-duty roster: who answers for the program now and next. Risk signals reach whoever is on duty beside the
 * patient's care team. Supervisors and administrators add shifts and end them; everyone at work reads it.
 */
export function OnDutyRoster() {
  const me = useMe();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const roster = useQuery(onDutyRosterQueryOptions);
  const mayKeep = mayInOrganization(me.role, 'update', 'on_duty_roster');
  const end = useMutation({
    mutationFn: endOnDutyShift,
    onSuccess: () => notifications.show({ color: 'teal', message: intl.formatMessage(messages.shiftEnded) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: onDutyQueryKeys.roster }),
  });

  return (
    <Stack gap="sm">
      {roster.isPending && <Skeleton height={60} aria-label={intl.formatMessage(messages.loading)} />}
      {roster.isError && <ErrorPanel error={roster.error} onRetry={() => void roster.refetch()} />}
      {end.isError && <ErrorPanel error={end.error} />}
      {roster.isSuccess && roster.data.length === 0 && (
        <EmptyState
          icon={<IconUserShield />}
          withIndicatorBackground
          title={intl.formatMessage(messages.emptyTitle)}
          description={intl.formatMessage(messages.emptyDescription)}
        />
      )}
      {roster.isSuccess && roster.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="on-duty-roster">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="onDuty.onDutyRoster.who" defaultMessage="Who" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="onDuty.onDutyRoster.duty" defaultMessage="Duty" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="onDuty.onDutyRoster.when" defaultMessage="When" />
                </Table.Th>
                {mayKeep && (
                  <Table.Th>
                    <VisuallyHidden>
                      <FormattedMessage id="onDuty.onDutyRoster.actions" defaultMessage="Actions" />
                    </VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {roster.data.map((shift) => (
                <Table.Tr key={shift.id}>
                  <Table.Td>
                    <Group gap="xs">
                      <Text size="sm" fw={500}>
                        {shift.staffMember.name}
                      </Text>
                      {shift.onDutyNow && (
                        <Badge color="teal" size="xs" variant="light">
                          <FormattedMessage id="onDuty.onDutyRoster.onDutyNow" defaultMessage="On duty now" />
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <FormattedMessage {...dutyLabels[shift.duty]} />
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">
                      {intl.formatDateTimeRange(new Date(shift.startsAt), new Date(shift.endsAt), {
                        dateStyle: 'medium',
                        timeStyle: 'short',
                      })}
                    </Text>
                  </Table.Td>
                  {mayKeep && (
                    <Table.Td ta="right">
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        loading={end.isPending && end.variables?.id === shift.id}
                        onClick={() => end.mutate(shift)}
                        aria-label={
                          shift.onDutyNow
                            ? intl.formatMessage(
                                {
                                  id: 'onDuty.onDutyRoster.endShiftOf',
                                  defaultMessage: 'End the shift of {name}',
                                },
                                { name: shift.staffMember.name },
                              )
                            : intl.formatMessage(
                                {
                                  id: 'onDuty.onDutyRoster.callOffShiftOf',
                                  defaultMessage: 'Call off the shift of {name}',
                                },
                                { name: shift.staffMember.name },
                              )
                        }
                      >
                        {shift.onDutyNow ? (
                          <FormattedMessage id="onDuty.onDutyRoster.endNow" defaultMessage="End now" />
                        ) : (
                          <FormattedMessage id="onDuty.onDutyRoster.callOff" defaultMessage="Call off" />
                        )}
                      </Button>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {mayKeep && <AddShiftForm />}
    </Stack>
  );
}

/** A value for a datetime-local input, in the browser's time. */
function localInputValue(date: Date): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

const formMessages = defineMessages({
  chooseWho: { id: 'onDuty.addShiftForm.chooseWho', defaultMessage: 'Choose who is on duty' },
  enterStart: { id: 'onDuty.addShiftForm.enterStart', defaultMessage: 'Enter when the shift starts' },
  enterEnd: { id: 'onDuty.addShiftForm.enterEnd', defaultMessage: 'Enter when the shift ends' },
  endAfterStart: {
    id: 'onDuty.addShiftForm.endAfterStart',
    defaultMessage: 'The shift must end after it starts',
  },
  formLabel: { id: 'onDuty.addShiftForm.formLabel', defaultMessage: 'Add a shift to the on-duty roster' },
  duty: { id: 'onDuty.addShiftForm.duty', defaultMessage: 'Duty' },
  who: { id: 'onDuty.addShiftForm.who', defaultMessage: 'Who' },
  loadingStaff: { id: 'onDuty.addShiftForm.loadingStaff', defaultMessage: 'Loading staff…' },
  chooseStaffMember: { id: 'onDuty.addShiftForm.chooseStaffMember', defaultMessage: 'Choose a staff member' },
  from: { id: 'onDuty.addShiftForm.from', defaultMessage: 'From' },
  until: { id: 'onDuty.addShiftForm.until', defaultMessage: 'Until' },
});

function AddShiftForm() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const staff = useQuery(staffListQueryOptions);
  const [duty, setDuty] = useState<OnDutyDuty>('clinician_on_call');
  const [staffMemberId, setStaffMemberId] = useState('');
  const [startsAt, setStartsAt] = useState(() => localInputValue(new Date()));
  const [endsAt, setEndsAt] = useState(() => localInputValue(new Date(Date.now() + 12 * 3_600_000)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: addOnDutyShift,
    onSuccess: (shift: OnDutyShift) => {
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          { id: 'onDuty.addShiftForm.added', defaultMessage: '{name} is on the roster.' },
          { name: shift.staffMember.name },
        ),
      });
      setStaffMemberId('');
      setErrors({});
    },
    onError: (error) => setErrors(describeProblem(error).fieldErrors),
    onSettled: () => queryClient.invalidateQueries({ queryKey: onDutyQueryKeys.roster }),
  });

  const eligible = (staff.data ?? []).filter(
    (member) => member.active && onDutyJobRoles[duty].includes(member.role),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (staffMemberId === '') found.staffMemberId = intl.formatMessage(formMessages.chooseWho);
    const start = new Date(startsAt);
    const finish = new Date(endsAt);
    if (Number.isNaN(start.getTime())) found.startsAt = intl.formatMessage(formMessages.enterStart);
    if (Number.isNaN(finish.getTime())) found.endsAt = intl.formatMessage(formMessages.enterEnd);
    else if (finish <= start) found.endsAt = intl.formatMessage(formMessages.endAfterStart);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate({ staffMemberId, duty, startsAt: start.toISOString(), endsAt: finish.toISOString() });
  }

  const failure = add.error ? describeProblem(add.error) : null;
  return (
    <form onSubmit={submit} noValidate aria-label={intl.formatMessage(formMessages.formLabel)}>
      <Stack gap="xs">
        {failure && Object.keys(failure.fieldErrors).length === 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={failure.title}>
            {failure.detail}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={intl.formatMessage(formMessages.duty)}
            data={onDutyDuties.map((value) => ({ value, label: intl.formatMessage(dutyLabels[value]) }))}
            value={duty}
            onChange={(event) => {
              setDuty(event.currentTarget.value as OnDutyDuty);
              setStaffMemberId('');
            }}
          />
          <NativeSelect
            label={intl.formatMessage(formMessages.who)}
            data={[
              {
                value: '',
                label: intl.formatMessage(
                  staff.isPending ? formMessages.loadingStaff : formMessages.chooseStaffMember,
                ),
              },
              ...eligible.map((member) => ({ value: member.id, label: member.displayName })),
            ]}
            value={staffMemberId}
            onChange={(event) => setStaffMemberId(event.currentTarget.value)}
            error={errors.staffMemberId}
          />
          <TextInput
            type="datetime-local"
            label={intl.formatMessage(formMessages.from)}
            value={startsAt}
            onChange={(event) => setStartsAt(event.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            type="datetime-local"
            label={intl.formatMessage(formMessages.until)}
            value={endsAt}
            onChange={(event) => setEndsAt(event.currentTarget.value)}
            error={errors.endsAt}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            <FormattedMessage id="onDuty.addShiftForm.submit" defaultMessage="Add to the roster" />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
