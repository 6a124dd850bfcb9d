import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { CreatedInvitation } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { InvitationLinkField } from './InvitationLinkField.tsx';

/** Shown right after an invitation is made: the link (the only time Tandem can show it outside the outbox). */
export function CreatedInvitationPanel({
  created,
  onDone,
}: {
  created: CreatedInvitation;
  onDone: () => void;
}) {
  const { invitation, link } = created;
  const intl = useIntl();
  return (
    <Stack>
      <Alert
        color="teal"
        variant="light"
        icon={<IconMailForward />}
        title={intl.formatMessage({
          id: 'invitations.createdInvitationPanel.title',
          defaultMessage: 'Invitation created',
        })}
      >
        <Text size="sm">
          <FormattedMessage
            id="invitations.createdInvitationPanel.explanation"
            defaultMessage="{invitee} is invited as <b>{email}</b>. The message with this link is in the outbox for a mail sender; until one is set up, copy the link and send it yourself. It expires {expiresAt}."
            values={{
              invitee: invitation.inviteeName,
              email: invitation.email,
              expiresAt: formatDateTime(invitation.expiresAt, intl),
              b: (chunks) => <b>{chunks}</b>,
            }}
          />
        </Text>
      </Alert>
      <InvitationLinkField link={link} />
      <Group justify="flex-end">
        <Button onClick={onDone}>
          <FormattedMessage id="invitations.createdInvitationPanel.done" defaultMessage="Done" />
        </Button>
      </Group>
    </Stack>
  );
}
