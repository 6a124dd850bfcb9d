import { Alert, Button, type ButtonProps, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { type CreatedInvitation, invitationQueryKeys, invitePatient, inviteSupportContact } from '../api.ts';
import { CreatedInvitationPanel } from './CreatedInvitationPanel.tsx';

/**
 * Invitation buttons for a patient's record, for the care team: the patient to the portal, and a support contact
 * (only while the patient's written consent names them; the server checks, and says so if not). Mount them on
 * the patient record; `PendingInvitations patientId={…}` lists and withdraws what they create.
 */
export function InvitePatientButton({
  patientId,
  patientName,
  emailOnRecord,
  ...buttonProps
}: {
  patientId: string;
  patientName: string;
  emailOnRecord: string | null;
} & ButtonProps) {
  const intl = useIntl();
  return (
    <PortalInvitationButton
      label={intl.formatMessage({
        id: 'invitations.invitePatientButton.label',
        defaultMessage: 'Invite to the portal',
      })}
      title={intl.formatMessage(
        {
          id: 'invitations.invitePatientButton.title',
          defaultMessage: 'Invite {patient} to the patient portal',
        },
        { patient: patientName },
      )}
      explanation={intl.formatMessage(
        {
          id: 'invitations.invitePatientButton.explanation',
          defaultMessage: '{patient} gets a one-time link to choose a password and see their own record.',
        },
        { patient: patientName },
      )}
      emailOnRecord={emailOnRecord}
      invite={(email) => invitePatient(patientId, email)}
      {...buttonProps}
    />
  );
}

export function InviteSupportContactButton({
  patientId,
  supportContactId,
  contactName,
  emailOnRecord,
  ...buttonProps
}: {
  patientId: string;
  supportContactId: string;
  contactName: string;
  emailOnRecord: string | null;
} & ButtonProps) {
  const intl = useIntl();
  return (
    <PortalInvitationButton
      label={intl.formatMessage({
        id: 'invitations.inviteSupportContactButton.label',
        defaultMessage: 'Invite',
      })}
      title={intl.formatMessage(
        { id: 'invitations.inviteSupportContactButton.title', defaultMessage: 'Invite {contact}' },
        { contact: contactName },
      )}
      explanation={intl.formatMessage(
        {
          id: 'invitations.inviteSupportContactButton.explanation',
          defaultMessage:
            "{contact} gets a one-time link to the family portal, where they see only what the patient's active written consent names. The message names the patient and, unless the consent covers attendance, not the program.",
        },
        { contact: contactName },
      )}
      emailOnRecord={emailOnRecord}
      invite={(email) => inviteSupportContact(patientId, supportContactId, email)}
      {...buttonProps}
    />
  );
}

function PortalInvitationButton({
  label,
  title,
  explanation,
  emailOnRecord,
  invite,
  ...buttonProps
}: {
  label: string;
  title: string;
  explanation: string;
  emailOnRecord: string | null;
  invite: (email: string | undefined) => Promise<CreatedInvitation>;
} & ButtonProps) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button
        variant="light"
        leftSection={<IconMailPlus size={18} />}
        onClick={() => setOpened(true)}
        {...buttonProps}
      >
        {label}
      </Button>
      <Dialog opened={opened} onClose={() => setOpened(false)} title={title} size="lg">
        {opened && (
          <PortalInvitationForm
            explanation={explanation}
            emailOnRecord={emailOnRecord}
            invite={invite}
            onClose={() => setOpened(false)}
          />
        )}
      </Dialog>
    </>
  );
}

function PortalInvitationForm({
  explanation,
  emailOnRecord,
  invite,
  onClose,
}: {
  explanation: string;
  emailOnRecord: string | null;
  invite: (email: string | undefined) => Promise<CreatedInvitation>;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const mutation = useMutation({
    mutationFn: (chosen: string | undefined) => invite(chosen),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: invitationQueryKeys.all }),
    onError: (error) => setEmailError(describeProblem(error).fieldErrors.email),
  });

  if (mutation.data !== undefined) return <CreatedInvitationPanel created={mutation.data} onDone={onClose} />;
  const failure = mutation.error ? describeProblem(mutation.error) : null;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const typed = email.trim();
    if (typed === '' && emailOnRecord === null) {
      setEmailError(
        intl.formatMessage({
          id: 'invitations.portalInvitationForm.emailMissing',
          defaultMessage: 'Enter the email address to invite',
        }),
      );
      return;
    }
    mutation.mutate(typed === '' ? undefined : typed);
  }

  return (
    <form onSubmit={handleSubmit} noValidate>
      <Stack>
        <Text size="sm">{explanation}</Text>
        {failure && !emailError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} title={failure.title}>
            {failure.detail}
          </Alert>
        )}
        <TextInput
          label={intl.formatMessage({
            id: 'invitations.portalInvitationForm.email',
            defaultMessage: 'Email',
          })}
          type="email"
          placeholder={emailOnRecord ?? undefined}
          description={
            emailOnRecord
              ? intl.formatMessage(
                  {
                    id: 'invitations.portalInvitationForm.emailOnRecord',
                    defaultMessage: 'Leave empty to use {email}',
                  },
                  { email: emailOnRecord },
                )
              : intl.formatMessage({
                  id: 'invitations.portalInvitationForm.noEmailOnRecord',
                  defaultMessage: 'No email address on file',
                })
          }
          value={email}
          onChange={(event) => {
            setEmail(event.currentTarget.value);
            setEmailError(undefined);
          }}
          error={emailError}
          withAsterisk={emailOnRecord === null}
          data-autofocus
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            <FormattedMessage id="invitations.portalInvitationForm.cancel" defaultMessage="Cancel" />
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            <FormattedMessage
              id="invitations.portalInvitationForm.submit"
              defaultMessage="Create invitation"
            />
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
