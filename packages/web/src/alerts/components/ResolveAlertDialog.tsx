import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { minimumResolutionLength } from '@tandem/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { DialogCloseWarning } from '../../forms/DialogCloseWarning.tsx';
import { FormProblemAlert } from '../../forms/FormProblemAlert.tsx';
import { useCloseWarning } from '../../forms/use-leave-warning.ts';
import { useTandemForm } from '../../forms/use-tandem-form.ts';
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
  const { form, problem, showProblem, clearProblem } = useTandemForm({
    initialValues: { resolution: '' },
    rules: ({ resolution }) =>
      resolution.trim().length < minimumResolutionLength
        ? {
            resolution: intl.formatMessage(
              {
                id: 'alerts.resolveAlertDialog.tooShort',
                defaultMessage: 'Say what was done (at least {minimum} characters)',
              },
              { minimum: minimumResolutionLength },
            ),
          }
        : {},
  });
  const resolve = useMutation({
    mutationFn: (input: { alert: Alert; resolution: string }) => resolveAlert(input.alert, input.resolution),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: intl.formatMessage(messages.resolved) });
      close();
    },
    onError: showProblem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertQueryKeys.mine }),
  });

  function close() {
    form.reset();
    clearProblem();
    resolve.reset();
    onClose();
  }
  const closeWarning = useCloseWarning(() => form.isDirty(), close);

  return (
    <>
      <Dialog
        opened={alert !== null}
        onClose={closeWarning.requestClose}
        title={intl.formatMessage(messages.title)}
        size="lg"
      >
        {alert && (
          <form
            onSubmit={form.onSubmit(({ resolution }) => {
              clearProblem();
              resolve.mutate({ alert, resolution: resolution.trim() });
            })}
            noValidate
          >
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
              <FormProblemAlert problem={problem} />
              <Textarea
                label={intl.formatMessage(messages.resolution)}
                description={intl.formatMessage(messages.resolutionDescription)}
                autosize
                minRows={3}
                maxLength={4000}
                withAsterisk
                key={form.key('resolution')}
                {...form.getInputProps('resolution')}
                data-autofocus
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={closeWarning.requestClose}>
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
      <DialogCloseWarning warning={closeWarning} />
    </>
  );
}
