import { Button, Alert as Callout, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { minimumResolutionLength } from '@tandem/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { type Alert, alertQueryKeys, resolveAlert } from '../api.ts';
import { alertKindLabel } from '../labels.ts';

/** A clinician records what was done about an alert; that closes it for everyone it was routed to. */
export function ResolveAlertDialog({ alert, onClose }: { alert: Alert | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [resolution, setResolution] = useState('');
  const [resolutionError, setResolutionError] = useState<string | undefined>(undefined);
  const resolve = useMutation({
    mutationFn: (input: { alert: Alert; resolution: string }) => resolveAlert(input.alert, input.resolution),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'What was done is recorded; the alert is closed.' });
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
      setResolutionError(`Say what was done (at least ${minimumResolutionLength} characters)`);
      return;
    }
    resolve.mutate({ alert, resolution: trimmed });
  }

  const failure = resolve.error ? describeProblem(resolve.error) : null;
  return (
    <Dialog opened={alert !== null} onClose={close} title="Record what was done" size="lg">
      {alert && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              <strong>{alertKindLabel(alert.kind)}</strong>
              {alert.patientName ? ` for ${alert.patientName}` : ''}: {alert.summary}
            </Text>
            {failure && Object.keys(failure.fieldErrors).length === 0 && (
              <Callout color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
                {failure.detail}
              </Callout>
            )}
            <Textarea
              label="What was done"
              description="Who was contacted, what was decided, what follows. It is kept with the alert."
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
                Cancel
              </Button>
              <Button type="submit" loading={resolve.isPending}>
                Close the alert
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
