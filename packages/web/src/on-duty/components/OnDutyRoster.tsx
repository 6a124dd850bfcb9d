import {
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
import { IconUserShield } from '@tabler/icons-react';
import { type OnDutyDuty, onDutyDuties, onDutyJobRoles } from '@tandem/core/on-duty/duties';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useMe } from '../../auth/me-context.ts';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { LeaveWarningDialog } from '../../forms/LeaveConfirmDialog.tsx';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
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

interface ShiftValues {
  duty: OnDutyDuty;
  staffMemberId: string;
  startsAt: string;
  endsAt: string;
}

function AddShiftForm() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const staff = useQuery(staffListQueryOptions);
  const { form, problem, showProblem, clearProblem } = useTandemForm<ShiftValues>({
    initialValues: {
      duty: 'clinician_on_call',
      staffMemberId: '',
      startsAt: localInputValue(new Date()),
      endsAt: localInputValue(new Date(Date.now() + 12 * 3_600_000)),
    },
    rules: (values) => {
      const found: Record<string, string> = {};
      if (values.staffMemberId === '') found.staffMemberId = intl.formatMessage(formMessages.chooseWho);
      const start = new Date(values.startsAt);
      const finish = new Date(values.endsAt);
      if (Number.isNaN(start.getTime())) found.startsAt = intl.formatMessage(formMessages.enterStart);
      if (Number.isNaN(finish.getTime())) found.endsAt = intl.formatMessage(formMessages.enterEnd);
      else if (finish <= start) found.endsAt = intl.formatMessage(formMessages.endAfterStart);
      return found;
    },
  });
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
      // The next shift is likely the same duty and times: only who starts over.
      form.setInitialValues({ ...form.getValues(), staffMemberId: '' });
      form.reset();
    },
    onError: showProblem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: onDutyQueryKeys.roster }),
  });

  const { duty } = form.getValues();
  const eligible = (staff.data ?? []).filter(
    (member) => member.active && onDutyJobRoles[duty].includes(member.role),
  );

  return (
    <form
      onSubmit={form.onSubmit((values) => {
        clearProblem();
        add.mutate({
          staffMemberId: values.staffMemberId,
          duty: values.duty,
          startsAt: new Date(values.startsAt).toISOString(),
          endsAt: new Date(values.endsAt).toISOString(),
        });
      })}
      noValidate
      aria-label={intl.formatMessage(formMessages.formLabel)}
    >
      <Stack gap="xs">
        <FormProblemAlert problem={problem} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={intl.formatMessage(formMessages.duty)}
            data={onDutyDuties.map((value) => ({ value, label: intl.formatMessage(dutyLabels[value]) }))}
            value={duty}
            onChange={(event) => {
              form.setFieldValue('duty', event.currentTarget.value as OnDutyDuty);
              form.setFieldValue('staffMemberId', '');
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
            key={form.key('staffMemberId')}
            {...form.getInputProps('staffMemberId')}
          />
          <TextInput
            type="datetime-local"
            label={intl.formatMessage(formMessages.from)}
            key={form.key('startsAt')}
            {...form.getInputProps('startsAt')}
          />
          <TextInput
            type="datetime-local"
            label={intl.formatMessage(formMessages.until)}
            key={form.key('endsAt')}
            {...form.getInputProps('endsAt')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            <FormattedMessage id="onDuty.addShiftForm.submit" defaultMessage="Add to the roster" />
          </Button>
        </Group>
      </Stack>
      <LeaveWarningDialog hasChanges={() => form.isDirty()} />
    </form>
  );
}
