import { Button, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type CareTeamRole, careTeamRoles } from '@tandem/core/access/resources';
import { careTeamRoleLabels } from '@tandem/core/admission/vocabulary';
import { mayHoldCareTeamPlace } from '@tandem/core/care-team/places';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { roleLabels } from '../../auth/roles.ts';
import { staffListQueryOptions } from '../../staff/api.ts';
import { assignCareTeamPlace, invalidateAfterTeamChange } from '../api.ts';

// The primary therapist place has its own dialog, with the ranking.
const otherPlaces = careTeamRoles.filter((role) => role !== 'primary_therapist');

/** Adds a prescriber, case manager, supervisor or group facilitator; only staff whose job fits are offered. */
export function AddPlaceDialog({ patientId, onClose }: { patientId: string; onClose: () => void }) {
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
      notifications.show({ color: 'teal', message: 'Added to the care team.' });
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
    if (role === null) found.role = 'Choose a place';
    if (staffMemberId === null) found.staffMemberId = 'Choose a staff member';
    setErrors(found);
    if (Object.keys(found).length === 0) add.mutate();
  };
  const problem = add.isError ? describeProblem(add.error) : null;
  return (
    <Dialog opened onClose={onClose} title="Add to the care team">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label="Place"
            data={otherPlaces.map((value) => ({ value, label: careTeamRoleLabels[value] }))}
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
            label="Staff member"
            description={role === null ? 'Choose the place first' : undefined}
            data={eligible.map((member) => ({
              value: member.id,
              label: `${member.displayName} (${roleLabels[member.role]})`,
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
            label="Reason"
            description="Optional; kept in the care team history."
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
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Add
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
