import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { alertQueryKeys } from '../../alerts/api.ts';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { auditQueryKeys, type BreakGlassGrantEntry, reviewBreakGlassGrant } from '../api.ts';
import { formatShortTime } from '../labels.ts';

interface ReviewBreakGlassDialogProps {
  grant: BreakGlassGrantEntry | null;
  onClose: () => void;
}

const minimumNote = 3;

const messages = defineMessages({
  recorded: { id: 'auditLog.reviewBreakGlassDialog.recorded', defaultMessage: 'Review recorded.' },
  title: { id: 'auditLog.reviewBreakGlassDialog.title', defaultMessage: 'Review emergency access' },
  statedReason: { id: 'auditLog.reviewBreakGlassDialog.statedReason', defaultMessage: 'Stated reason' },
  note: { id: 'auditLog.reviewBreakGlassDialog.note', defaultMessage: 'Review note' },
  noteDescription: {
    id: 'auditLog.reviewBreakGlassDialog.noteDescription',
    defaultMessage: 'Was the access justified? Anything to follow up? The note is kept with the access.',
  },
});

/** A supervisor records whether an emergency access was justified. */
export function ReviewBreakGlassDialog({ grant, onClose }: ReviewBreakGlassDialogProps) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const review = useMutation({
    mutationFn: (input: { grant: BreakGlassGrantEntry; note: string }) =>
      reviewBreakGlassGrant(input.grant, input.note),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: intl.formatMessage(messages.recorded) });
      close();
    },
    onError: (error) => setNoteError(describeProblem(error).fieldErrors.note),
    // Stale or already reviewed: the lists show the current state either way. Recording the review resolves
    // the access's alert, so the alerts are asked again too.
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: auditQueryKeys.all }),
        queryClient.invalidateQueries({ queryKey: alertQueryKeys.mine }),
      ]),
  });

  function close() {
    setNote('');
    setNoteError(undefined);
    review.reset();
    onClose();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (grant === null) return;
    const trimmed = note.trim();
    if (trimmed.length < minimumNote) {
      setNoteError(
        intl.formatMessage(
          {
            id: 'auditLog.reviewBreakGlassDialog.noteTooShort',
            defaultMessage: 'Write what you found (at least {minimum} characters)',
          },
          { minimum: minimumNote },
        ),
      );
      return;
    }
    review.mutate({ grant, note: trimmed });
  }

  const failure = review.error ? describeProblem(review.error) : null;
  return (
    <Dialog opened={grant !== null} onClose={close} title={intl.formatMessage(messages.title)} size="lg">
      {grant && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {grant.patient.mrn ? (
                <FormattedMessage
                  id="auditLog.reviewBreakGlassDialog.summaryWithMrn"
                  defaultMessage="<b>{user}</b> opened the record of <b>{patient}</b> (MRN {mrn}) on {time}, with {views, plural, one {# view} other {# views}} under this access."
                  values={{
                    b: (chunks) => <strong>{chunks}</strong>,
                    user: grant.user.name,
                    patient: grant.patient.name,
                    mrn: grant.patient.mrn,
                    time: formatShortTime(intl, grant.grantedAt),
                    views: grant.accessCount,
                  }}
                />
              ) : (
                <FormattedMessage
                  id="auditLog.reviewBreakGlassDialog.summary"
                  defaultMessage="<b>{user}</b> opened the record of <b>{patient}</b> on {time}, with {views, plural, one {# view} other {# views}} under this access."
                  values={{
                    b: (chunks) => <strong>{chunks}</strong>,
                    user: grant.user.name,
                    patient: grant.patient.name,
                    time: formatShortTime(intl, grant.grantedAt),
                    views: grant.accessCount,
                  }}
                />
              )}
            </Text>
            <Alert variant="light" color="red" title={intl.formatMessage(messages.statedReason)}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {grant.reason}
              </Text>
            </Alert>
            {failure && Object.keys(failure.fieldErrors).length === 0 && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
                {failure.detail}
              </Alert>
            )}
            <Textarea
              label={intl.formatMessage(messages.note)}
              description={intl.formatMessage(messages.noteDescription)}
              autosize
              minRows={3}
              maxLength={2000}
              withAsterisk
              value={note}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setNoteError(undefined);
              }}
              error={noteError}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                <FormattedMessage id="auditLog.reviewBreakGlassDialog.cancel" defaultMessage="Cancel" />
              </Button>
              <Button type="submit" loading={review.isPending}>
                <FormattedMessage
                  id="auditLog.reviewBreakGlassDialog.submit"
                  defaultMessage="Record review"
                />
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
