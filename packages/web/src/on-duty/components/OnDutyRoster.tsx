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
import { type OnDutyDuty, onDutyDuties, onDutyDutyLabels, onDutyJobRoles } from '@tandem/core/on-duty/duties';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { mayInOrganization } from '../../access/policy.ts';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { formatShortTime } from '../../audit-log/labels.ts';
import { useMe } from '../../auth/me-context.ts';
import { staffListQueryOptions } from '../../staff/api.ts';
import {
  addOnDutyShift,
  endOnDutyShift,
  type OnDutyShift,
  onDutyQueryKeys,
  onDutyRosterQueryOptions,
} from '../api.ts';

/**
 * The on-duty roster: who answers for the program now and next. Risk signals reach whoever is on duty beside the
 * patient's care team. Supervisors and administrators add shifts and end them; everyone at work reads it.
 */
export function OnDutyRoster() {
  const me = useMe();
  const queryClient = useQueryClient();
  const roster = useQuery(onDutyRosterQueryOptions);
  const mayKeep = mayInOrganization(me.role, 'update', 'on_duty_roster');
  const end = useMutation({
    mutationFn: endOnDutyShift,
    onSuccess: () => notifications.show({ color: 'teal', message: 'Shift ended.' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: onDutyQueryKeys.roster }),
  });

  return (
    <Stack gap="sm">
      {roster.isPending && <Skeleton height={60} aria-label="Loading the on-duty roster" />}
      {roster.isError && <ErrorPanel error={roster.error} onRetry={() => void roster.refetch()} />}
      {end.isError && <ErrorPanel error={end.error} />}
      {roster.isSuccess && roster.data.length === 0 && (
        <EmptyState
          icon={<IconUserShield />}
          withIndicatorBackground
          title="Nobody is on duty"
          description="Risk signals go to each patient's care team, or to the supervisors when there is none."
        />
      )}
      {roster.isSuccess && roster.data.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" data-testid="on-duty-roster">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Who</Table.Th>
                <Table.Th>Duty</Table.Th>
                <Table.Th>When</Table.Th>
                {mayKeep && (
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
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
                          On duty now
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{onDutyDutyLabels[shift.duty]}</Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">
                      {formatShortTime(shift.startsAt)} – {formatShortTime(shift.endsAt)}
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
                        aria-label={`${shift.onDutyNow ? 'End' : 'Call off'} the shift of ${shift.staffMember.name}`}
                      >
                        {shift.onDutyNow ? 'End now' : 'Call off'}
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

function AddShiftForm() {
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
      notifications.show({ color: 'teal', message: `${shift.staffMember.name} is on the roster.` });
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
    if (staffMemberId === '') found.staffMemberId = 'Choose who is on duty';
    const start = new Date(startsAt);
    const finish = new Date(endsAt);
    if (Number.isNaN(start.getTime())) found.startsAt = 'Enter when the shift starts';
    if (Number.isNaN(finish.getTime())) found.endsAt = 'Enter when the shift ends';
    else if (finish <= start) found.endsAt = 'The shift must end after it starts';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    add.mutate({ staffMemberId, duty, startsAt: start.toISOString(), endsAt: finish.toISOString() });
  }

  const failure = add.error ? describeProblem(add.error) : null;
  return (
    <form onSubmit={submit} noValidate aria-label="Add a shift to the on-duty roster">
      <Stack gap="xs">
        {failure && Object.keys(failure.fieldErrors).length === 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={failure.title}>
            {failure.detail}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label="Duty"
            data={onDutyDuties.map((value) => ({ value, label: onDutyDutyLabels[value] }))}
            value={duty}
            onChange={(event) => {
              setDuty(event.currentTarget.value as OnDutyDuty);
              setStaffMemberId('');
            }}
          />
          <NativeSelect
            label="Who"
            data={[
              { value: '', label: staff.isPending ? 'Loading staff…' : 'Choose a staff member' },
              ...eligible.map((member) => ({ value: member.id, label: member.displayName })),
            ]}
            value={staffMemberId}
            onChange={(event) => setStaffMemberId(event.currentTarget.value)}
            error={errors.staffMemberId}
          />
          <TextInput
            type="datetime-local"
            label="From"
            value={startsAt}
            onChange={(event) => setStartsAt(event.currentTarget.value)}
            error={errors.startsAt}
          />
          <TextInput
            type="datetime-local"
            label="Until"
            value={endsAt}
            onChange={(event) => setEndsAt(event.currentTarget.value)}
            error={errors.endsAt}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add to the roster
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
