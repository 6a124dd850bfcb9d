import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
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

/** A supervisor records whether an emergency access was justified. */
export function ReviewBreakGlassDialog({ grant, onClose }: ReviewBreakGlassDialogProps) {
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState<string | undefined>(undefined);
  const review = useMutation({
    mutationFn: (input: { grant: BreakGlassGrantEntry; note: string }) =>
      reviewBreakGlassGrant(input.grant, input.note),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'Review recorded.' });
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
      setNoteError('Write what you found (at least 3 characters)');
      return;
    }
    review.mutate({ grant, note: trimmed });
  }

  const failure = review.error ? describeProblem(review.error) : null;
  return (
    <Dialog opened={grant !== null} onClose={close} title="Review emergency access" size="lg">
      {grant && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              <strong>{grant.user.name}</strong> opened the record of <strong>{grant.patient.name}</strong>
              {grant.patient.mrn ? ` (MRN ${grant.patient.mrn})` : ''} on {formatShortTime(grant.grantedAt)},
              with {grant.accessCount === 1 ? '1 view' : `${grant.accessCount} views`} under this access.
            </Text>
            <Alert variant="light" color="red" title="Stated reason">
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
              label="Review note"
              description="Was the access justified? Anything to follow up? The note is kept with the access."
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
                Cancel
              </Button>
              <Button type="submit" loading={review.isPending}>
                Record review
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
