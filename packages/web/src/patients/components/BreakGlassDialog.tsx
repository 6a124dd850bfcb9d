import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
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
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>(undefined);
  const grant = useMutation({
    mutationFn: (stated: string) => breakTheGlass(patientId, stated),
    onSuccess: (granted) => {
      close();
      onGranted(granted);
    },
    onError: (error) => setReasonError(describeProblem(error).fieldErrors.reason),
  });

  function close() {
    setReason('');
    setReasonError(undefined);
    grant.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const error = breakGlassReasonError(intl, reason);
    setReasonError(error);
    if (error === undefined) grant.mutate(reason.trim());
  }

  const failure = grant.error ? describeProblem(grant.error) : null;
  return (
    <Dialog
      opened={opened}
      onClose={close}
      title={intl.formatMessage({ id: 'patients.breakGlassDialog.title', defaultMessage: 'Break the glass' })}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertTriangle />}>
            <Text size="sm">
              <FormattedMessage
                id="patients.breakGlassDialog.warning"
                defaultMessage="You are not on this patient’s care team. Use emergency access only when the patient’s care cannot wait. It lasts one hour, is shown on the record, and is reported to supervisors with your reason."
              />
            </Text>
          </Alert>
          {failure && Object.keys(failure.fieldErrors).length === 0 && (
            <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
              {failure.detail}
            </Alert>
          )}
          <Textarea
            label={intl.formatMessage({ id: 'patients.breakGlassDialog.reason', defaultMessage: 'Reason' })}
            description={intl.formatMessage({
              id: 'patients.breakGlassDialog.reasonDescription',
              defaultMessage: 'Why is this an emergency? Supervisors will read this.',
            })}
            autosize
            minRows={3}
            withAsterisk
            value={reason}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(undefined);
            }}
            error={reasonError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              <FormattedMessage id="patients.breakGlassDialog.cancel" defaultMessage="Cancel" />
            </Button>
            <Button type="submit" color="red" loading={grant.isPending}>
              <FormattedMessage id="patients.breakGlassDialog.submit" defaultMessage="Open the record" />
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
