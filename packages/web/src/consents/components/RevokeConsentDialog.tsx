import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { type Consent, revokeConsent } from '../api.ts';

interface RevokeConsentDialogProps {
  patientId: string;
  consent: Consent | null;
  /** The patient revoking their own consent (no reason owed) rather than staff recording a revocation. */
  byPatient: boolean;
  onClose: () => void;
  onRevoked: (consent: Consent) => void;
  /** Someone else changed the consent meanwhile (409): the list should show what it is now. */
  onStale: () => void;
}

/** Revocation takes effect at once: the next view by the recipient is refused. */
export function RevokeConsentDialog({
  patientId,
  consent,
  byPatient,
  onClose,
  onRevoked,
  onStale,
}: RevokeConsentDialogProps) {
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: (target: Consent) => revokeConsent(patientId, target, reason),
    onSuccess: (revoked) => {
      setReason('');
      onRevoked(revoked);
    },
    onError: (error) => {
      if (describeProblem(error).status === 409) onStale();
    },
  });
  const close = () => {
    revoke.reset();
    setReason('');
    onClose();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (consent !== null) revoke.mutate(consent);
  };
  const problem = revoke.isError ? describeProblem(revoke.error) : null;
  return (
    <Dialog opened={consent !== null} onClose={close} title="Revoke this consent">
      {consent !== null && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              {consent.recipient.name} will no longer receive anything under this consent, from this moment
              on. What was already shared cannot be taken back.
            </Text>
            <Textarea
              label={byPatient ? 'Reason (optional)' : 'How the revocation was received, or why'}
              description={
                byPatient
                  ? 'You do not have to give one.'
                  : 'For example: the patient revoked it in writing today.'
              }
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              maxLength={1000}
              autosize
              minRows={2}
              error={problem?.fieldErrors.reason}
            />
            {problem !== null && (
              <Alert color="red" variant="light" icon={<IconAlertCircle />} title={problem.title}>
                {problem.detail}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Keep it
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending}>
                Revoke consent
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
