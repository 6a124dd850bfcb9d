import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CareTeamRole, careTeamRoles } from '@tandem/core/access/resources';
import { mayHoldCareTeamPlace } from '@tandem/core/care-team/places';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { roleLabels } from '../../auth/roles.ts';
import { staffListQueryOptions } from '../../staff/api.ts';
import { assignCareTeamPlace, invalidateAfterTeamChange } from '../api.ts';
import { careTeamRoleLabels } from '../labels.ts';

// The primary therapist place has its own dialog, with the ranking.
const otherPlaces = careTeamRoles.filter((role) => role !== 'primary_therapist');

const messages = defineMessages({
  title: { id: 'careTeam.addPlaceDialog.title', defaultMessage: 'Add to the care team' },
  added: { id: 'careTeam.addPlaceDialog.added', defaultMessage: 'Added to the care team.' },
  choosePlace: { id: 'careTeam.addPlaceDialog.choosePlace', defaultMessage: 'Choose a place' },
  chooseStaffMember: {
    id: 'careTeam.addPlaceDialog.chooseStaffMember',
    defaultMessage: 'Choose a staff member',
  },
  place: { id: 'careTeam.addPlaceDialog.place', defaultMessage: 'Place' },
  staffMember: { id: 'careTeam.addPlaceDialog.staffMember', defaultMessage: 'Staff member' },
  placeFirst: { id: 'careTeam.addPlaceDialog.placeFirst', defaultMessage: 'Choose the place first' },
  reason: { id: 'careTeam.addPlaceDialog.reason', defaultMessage: 'Reason' },
  reasonDescription: {
    id: 'careTeam.addPlaceDialog.reasonDescription',
    defaultMessage: 'Optional; kept in the care team history.',
  },
});

/** Adds a prescriber, case manager, supervisor or group facilitator; only staff whose job fits are offered. */
export function AddPlaceDialog({ patientId, onClose }: { patientId: string; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const staff = useQuery(staffListQueryOptions);
  const [role, setRole] = useState<CareTeamRole | null>(null);
  const [staffMemberId, setStaffMemberId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Partial<Record<'role' | 'staffMemberId' | 'reason', string>>>({});
  const eligible = (staff.data ?? []).filter(
    (member) => member.active && role !== null && mayHoldCareTeamPlace(member.role, role),
  );
  const add = useMutation({
    mutationFn: () =>
      assignCareTeamPlace(patientId, {
        staffMemberId: staffMemberId ?? '',
        role: role ?? 'case_manager',
        reason: reason.trim() === '' ? undefined : reason.trim(),
      }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: intl.formatMessage(messages.added) });
      invalidateAfterTeamChange(queryClient, patientId);
      onClose();
    },
    onError: (error) => {
      const problem = describeProblem(error);
      setErrors(problem.fieldErrors);
      if (problem.status === 409) invalidateAfterTeamChange(queryClient, patientId);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (role === null) found.role = intl.formatMessage(messages.choosePlace);
    if (staffMemberId === null) found.staffMemberId = intl.formatMessage(messages.chooseStaffMember);
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate();
  };
  const problem = add.isError ? describeProblem(add.error) : null;
  return (
    <Dialog opened onClose={onClose} title={intl.formatMessage(messages.title)}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={intl.formatMessage(messages.place)}
            data={otherPlaces.map((value) => ({
              value,
              label: intl.formatMessage(careTeamRoleLabels[value]),
            }))}
            value={role}
            onChange={(value) => {
              setRole(value as CareTeamRole | null);
              setStaffMemberId(null);
              setErrors({});
            }}
            error={errors.role}
            withAsterisk
          />
          <Select
            label={intl.formatMessage(messages.staffMember)}
            description={role === null ? intl.formatMessage(messages.placeFirst) : undefined}
            data={eligible.map((member) => ({
              value: member.id,
              label: intl.formatMessage(
                { id: 'careTeam.addPlaceDialog.staffOption', defaultMessage: '{name} ({role})' },
                { name: member.displayName, role: intl.formatMessage(roleLabels[member.role]) },
              ),
            }))}
            value={staffMemberId}
            onChange={(value) => {
              setStaffMemberId(value);
              setErrors((before) => ({ ...before, staffMemberId: undefined }));
            }}
            error={errors.staffMemberId}
            disabled={role === null}
            searchable
            withAsterisk
          />
          <Textarea
            label={intl.formatMessage(messages.reason)}
            description={intl.formatMessage(messages.reasonDescription)}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            autosize
            minRows={2}
            maxLength={1000}
          />
          {problem !== null && Object.keys(problem.fieldErrors).length === 0 && (
            <Text c="red" size="sm">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              <FormattedMessage id="careTeam.addPlaceDialog.cancel" defaultMessage="Cancel" />
            </Button>
            <Button type="submit" loading={add.isPending}>
              <FormattedMessage id="careTeam.addPlaceDialog.submit" defaultMessage="Add" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
