import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { type CareTeamPlace, endCareTeamPlace, invalidateAfterTeamChange } from '../api.ts';
import { careTeamRoleLabels } from '../labels.ts';

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
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const end = useMutation({
    mutationFn: () =>
      endCareTeamPlace(patientId, place.id, { reason: reason.trim(), version: place.version }),
    onSuccess: () => {
      notifications.show({
        color: 'teal',
        message: intl.formatMessage(
          { id: 'careTeam.endPlaceDialog.ended', defaultMessage: '{name}’s place ended.' },
          { name: place.staffName },
        ),
      });
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
      setError(
        intl.formatMessage({
          id: 'careTeam.endPlaceDialog.reasonMissing',
          defaultMessage: 'Say why the place ends',
        }),
      );
      return;
    }
    end.mutate();
  };
  const problem = end.isError ? describeProblem(end.error) : null;
  const title = intl.formatMessage(
    { id: 'careTeam.endPlaceDialog.title', defaultMessage: 'End {name}’s place as {place}' },
    {
      name: place.staffName,
      place: intl.formatMessage(careTeamRoleLabels[place.role]).toLocaleLowerCase(intl.locale),
    },
  );
  return (
    <Dialog opened onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Stack>
          {problem?.status === 409 && (
            <Alert
              color="yellow"
              icon={<IconAlertTriangle />}
              title={intl.formatMessage({
                id: 'careTeam.endPlaceDialog.conflictTitle',
                defaultMessage: 'Changed by someone else',
              })}
            >
              {problem.detail}{' '}
              <FormattedMessage
                id="careTeam.endPlaceDialog.conflict"
                defaultMessage="The care team behind this dialog shows it as it is now; your reason is kept."
              />
            </Alert>
          )}
          <Textarea
            label={intl.formatMessage({ id: 'careTeam.endPlaceDialog.reason', defaultMessage: 'Reason' })}
            description={intl.formatMessage({
              id: 'careTeam.endPlaceDialog.reasonDescription',
              defaultMessage: 'Kept in the care team history.',
            })}
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
              <FormattedMessage id="careTeam.endPlaceDialog.cancel" defaultMessage="Cancel" />
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              <FormattedMessage id="careTeam.endPlaceDialog.submit" defaultMessage="End place" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
