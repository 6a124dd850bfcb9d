import { Button, Alert as Callout, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { minimumResolutionLength } from '@tandem/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { type Alert, alertQueryKeys, resolveAlert } from '../api.ts';
import { alertKindLabels } from '../labels.ts';

const messages = defineMessages({
  resolved: {
    id: 'alerts.resolveAlertDialog.resolved',
    defaultMessage: 'What was done is recorded; the alert is closed.',
  },
  title: { id: 'alerts.resolveAlertDialog.title', defaultMessage: 'Record what was done' },
  resolution: { id: 'alerts.resolveAlertDialog.resolution', defaultMessage: 'What was done' },
  resolutionDescription: {
    id: 'alerts.resolveAlertDialog.resolutionDescription',
    defaultMessage: 'Who was contacted, what was decided, what follows. It is kept with the alert.',
  },
});

/** A clinician records what was done about an alert; that closes it for everyone it was routed to. */
export function ResolveAlertDialog({ alert, onClose }: { alert: Alert | null; onClose: () => void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState('');
  const [resolutionError, setResolutionError] = useState<string | undefined>(undefined);
  const resolve = useMutation({
    mutationFn: (input: { alert: Alert; resolution: string }) => resolveAlert(input.alert, input.resolution),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: intl.formatMessage(messages.resolved) });
      close();
    },
    onError: (error) => setResolutionError(describeProblem(error).fieldErrors.resolution),
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertQueryKeys.mine }),
  });

  function close() {
    setResolution('');
    setResolutionError(undefined);
    resolve.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (alert === null) return;
    const trimmed = resolution.trim();
    if (trimmed.length < minimumResolutionLength) {
      setResolutionError(
        intl.formatMessage(
          {
            id: 'alerts.resolveAlertDialog.tooShort',
            defaultMessage: 'Say what was done (at least {minimum} characters)',
          },
          { minimum: minimumResolutionLength },
        ),
      );
      return;
    }
    resolve.mutate({ alert, resolution: trimmed });
  }

  const failure = resolve.error ? describeProblem(resolve.error) : null;
  return (
    <Dialog opened={alert !== null} onClose={close} title={intl.formatMessage(messages.title)} size="lg">
      {alert && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {alert.patientName ? (
                <FormattedMessage
                  id="alerts.resolveAlertDialog.summaryForPatient"
                  defaultMessage="<b>{kind}</b> for {patient}: {summary}"
                  values={{
                    b: (chunks) => <strong>{chunks}</strong>,
                    kind: intl.formatMessage(alertKindLabels[alert.kind]),
                    patient: alert.patientName,
                    summary: alert.summary,
                  }}
                />
              ) : (
                <FormattedMessage
                  id="alerts.resolveAlertDialog.summary"
                  defaultMessage="<b>{kind}</b>: {summary}"
                  values={{
                    b: (chunks) => <strong>{chunks}</strong>,
                    kind: intl.formatMessage(alertKindLabels[alert.kind]),
                    summary: alert.summary,
                  }}
                />
              )}
            </Text>
            {failure && Object.keys(failure.fieldErrors).length === 0 && (
              <Callout color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
                {failure.detail}
              </Callout>
            )}
            <Textarea
              label={intl.formatMessage(messages.resolution)}
              description={intl.formatMessage(messages.resolutionDescription)}
              autosize
              minRows={3}
              maxLength={4000}
              withAsterisk
              value={resolution}
              onChange={(event) => {
                setResolution(event.currentTarget.value);
                setResolutionError(undefined);
              }}
              error={resolutionError}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                <FormattedMessage id="alerts.resolveAlertDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" loading={resolve.isPending}>
                <FormattedMessage id="alerts.resolveAlertDialog.submit" defaultMessage="Close the alert" />
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
