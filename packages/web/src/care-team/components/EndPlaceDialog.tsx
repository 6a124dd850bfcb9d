import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { asApiError } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
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
  const { form, problem, showProblem, clearProblem } = useTandemForm({
    initialValues: { reason: '' },
    rules: ({ reason }) =>
      reason.trim() === ''
        ? {
            reason: intl.formatMessage({
              id: 'careTeam.endPlaceDialog.reasonMissing',
              defaultMessage: 'Say why the place ends',
            }),
          }
        : {},
  });
  const closeWarning = useCloseWarning(() => form.isDirty(), onClose);
  const end = useMutation({
    mutationFn: ({ reason }: { reason: string }) =>
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
      showProblem(failure);
      if (asApiError(failure).status === 409) invalidateAfterTeamChange(queryClient, patientId);
    },
  });
  const title = intl.formatMessage(
    { id: 'careTeam.endPlaceDialog.title', defaultMessage: 'End {name}’s place as {place}' },
    {
      name: place.staffName,
      place: intl.formatMessage(careTeamRoleLabels[place.role]).toLocaleLowerCase(intl.locale),
    },
  );
  return (
    <>
      <Dialog opened onClose={closeWarning.requestClose} title={title}>
        <form
          onSubmit={form.onSubmit((values) => {
            clearProblem();
            end.mutate(values);
          })}
          noValidate
        >
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
              key={form.key('reason')}
              {...form.getInputProps('reason')}
              autosize
              minRows={2}
              maxLength={1000}
              withAsterisk
              data-autofocus
            />
            {problem?.status !== 409 && <FormProblemAlert problem={problem} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={closeWarning.requestClose}>
                <FormattedMessage id="careTeam.endPlaceDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" color="red" loading={end.isPending}>
                <FormattedMessage id="careTeam.endPlaceDialog.submit" defaultMessage="End place" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
