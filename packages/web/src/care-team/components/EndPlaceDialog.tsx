import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { careTeamRoleLabels } from '@tandem/core/admission/vocabulary';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { type CareTeamPlace, endCareTeamPlace, invalidateAfterTeamChange } from '../api.ts';

/** Ends a place with the reason; the place stays in the history. A stale place keeps the typed reason. */
export function EndPlaceDialog({
  patientId,
  place,
  onClose,
}: {
  patientId: string;
  place: CareTeamPlace;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const end = useMutation({
    mutationFn: () =>
      endCareTeamPlace(patientId, place.id, { reason: reason.trim(), version: place.version }),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `${place.staffName}’s place ended.` });
      invalidateAfterTeamChange(queryClient, patientId);
      onClose();
    },
    onError: (failure) => {
      const problem = describeProblem(failure);
      setError(problem.fieldErrors.reason);
      if (problem.status === 409) invalidateAfterTeamChange(queryClient, patientId);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim() === '') {
      setError('Say why the place ends');
      return;
    }
    end.mutate();
  };
  const problem = end.isError ? describeProblem(end.error) : null;
  const place_ = careTeamRoleLabels[place.role].toLowerCase();
  return (
    <Dialog opened onClose={onClose} title={`End ${place.staffName}’s place as ${place_}`}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem?.status === 409 && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title="Changed by someone else">
              {problem.detail} The care team behind this dialog shows it as it is now; your reason is kept.
            </Alert>
          )}
          <Textarea
            label="Reason"
            description="Kept in the care team history."
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setError(undefined);
            }}
            error={error}
            autosize
            minRows={2}
            maxLength={1000}
            withAsterisk
            data-autofocus
          />
          {problem !== null && problem.status !== 409 && Object.keys(problem.fieldErrors).length === 0 && (
            <Text c="red" size="sm">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              End place
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
