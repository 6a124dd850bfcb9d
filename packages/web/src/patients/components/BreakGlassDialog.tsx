import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
import { breakTheGlass } from '../api.ts';
import { breakGlassReasonError } from '../break-glass-reason.ts';

interface BreakGlassDialogProps {
  patientId: string;
  opened: boolean;
  onClose: () => void;
  onGranted: (grant: { grantId: string; expiresAt: string }) => void;
}

/** Emergency access to a record outside one's care team: a stated reason first, then a time-limited view. */
export function BreakGlassDialog({ patientId, opened, onClose, onGranted }: BreakGlassDialogProps) {
  const intl = useIntl();
  const { form, problem, showProblem, clearProblem } = useTandemForm({
    initialValues: { reason: '' },
    rules: ({ reason }) => {
      const error = breakGlassReasonError(intl, reason);
      return error === undefined ? {} : { reason: error };
    },
  });
  const grant = useMutation({
    mutationFn: (stated: string) => breakTheGlass(patientId, stated),
    onSuccess: (granted) => {
      close();
      onGranted(granted);
    },
    onError: showProblem,
  });

  function close() {
    form.reset();
    clearProblem();
    grant.reset();
    onClose();
  }
  const closeWarning = useCloseWarning(() => form.isDirty(), close);

  return (
    <>
      <Dialog
        opened={opened}
        onClose={closeWarning.requestClose}
        title={intl.formatMessage({
          id: 'patients.breakGlassDialog.title',
          defaultMessage: 'Break the glass',
        })}
        size="lg"
      >
        <form
          onSubmit={form.onSubmit(({ reason }) => {
            clearProblem();
            grant.mutate(reason.trim());
          })}
          noValidate
        >
          <Stack>
            <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
              <Text size="sm">
                <FormattedMessage
                  id="patients.breakGlassDialog.warning"
                  defaultMessage="You are not on this patient’s care team. Use emergency access only when the patient’s care cannot wait. It lasts one hour, is shown on the record, and is reported to supervisors with your reason."
                />
              </Text>
            </Alert>
            <FormProblemAlert problem={problem} />
            <Textarea
              label={intl.formatMessage({ id: 'patients.breakGlassDialog.reason', defaultMessage: 'Reason' })}
              description={intl.formatMessage({
                id: 'patients.breakGlassDialog.reasonDescription',
                defaultMessage: 'Why is this an emergency? Supervisors will read this.',
              })}
              autosize
              minRows={3}
              withAsterisk
              key={form.key('reason')}
              {...form.getInputProps('reason')}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={closeWarning.requestClose}>
                <FormattedMessage id="patients.breakGlassDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" color="red" loading={grant.isPending}>
                <FormattedMessage id="patients.breakGlassDialog.submit" defaultMessage="Open the record" />
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
