import { Alert, Button, Group, Text } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AutosaveState } from './use-autosave.ts';

/** What useAutosave is doing, said quietly beside the form (a polite live region), with a retry after a failure. */
export function AutosaveStatus({ autosave }: { autosave: AutosaveState }) {
  const intl = useIntl();
  const { status } = autosave;
  if (status.state === 'conflict') {
    return (
      <Alert
        color="orange"
        variant="light"
        title={intl.formatMessage({
          id: 'forms.autosaveStatus.conflictTitle',
          defaultMessage: 'Someone else changed this draft',
        })}
      >
        <FormattedMessage
          id="forms.autosaveStatus.conflict"
          defaultMessage="Saving has stopped so that their text is not overwritten. Yours is still here."
        />
      </Alert>
    );
  }
  return (
    <Group gap="xs" aria-live="polite" mih={28}>
      {status.state === 'saving' && (
        <Text size="sm" c="dimmed">
          <FormattedMessage id="forms.autosaveStatus.saving" defaultMessage="Saving…" />
        </Text>
      )}
      {status.state === 'saved' && !autosave.unsaved && (
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="forms.autosaveStatus.savedAt"
            defaultMessage="Saved at {time}"
            values={{ time: intl.formatTime(status.at, { timeStyle: 'short' }) }}
          />
        </Text>
      )}
      {status.state === 'failed' && (
        <>
          <Text size="sm" c="red">
            <FormattedMessage
              id="forms.autosaveStatus.failed"
              defaultMessage="Not saved: {problem}"
              values={{ problem: status.error.problem.title }}
            />
          </Text>
          <Button size="compact-sm" variant="light" onClick={autosave.retry}>
            <FormattedMessage id="forms.autosaveStatus.retry" defaultMessage="Try again" />
          </Button>
        </>
      )}
    </Group>
  );
}
