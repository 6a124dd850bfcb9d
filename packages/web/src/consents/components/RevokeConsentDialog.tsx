import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
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
    <Dialog
      opened={consent !== null}
      onClose={close}
      title={intl.formatMessage({
        id: 'consents.revokeConsentDialog.title',
        defaultMessage: 'Revoke this consent',
      })}
    >
      {consent !== null && (
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">
              <FormattedMessage
                id="consents.revokeConsentDialog.explanation"
                defaultMessage="{recipient} will no longer receive anything under this consent, from this moment on. What was already shared cannot be taken back."
                values={{ recipient: consent.recipient.name }}
              />
            </Text>
            <Textarea
              label={
                byPatient
                  ? intl.formatMessage({
                      id: 'consents.revokeConsentDialog.reasonForPatient',
                      defaultMessage: 'Reason (optional)',
                    })
                  : intl.formatMessage({
                      id: 'consents.revokeConsentDialog.reason',
                      defaultMessage: 'How the revocation was received, or why',
                    })
              }
              description={
                byPatient
                  ? intl.formatMessage({
                      id: 'consents.revokeConsentDialog.reasonHintForPatient',
                      defaultMessage: 'You do not have to give one.',
                    })
                  : intl.formatMessage({
                      id: 'consents.revokeConsentDialog.reasonHint',
                      defaultMessage: 'For example: the patient revoked it in writing today.',
                    })
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
                <FormattedMessage id="consents.revokeConsentDialog.keep" defaultMessage="Keep it" />
              </Button>
              <Button type="submit" color="red" loading={revoke.isPending}>
                <FormattedMessage id="consents.revokeConsentDialog.submit" defaultMessage="Revoke consent" />
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Dialog>
  );
}
