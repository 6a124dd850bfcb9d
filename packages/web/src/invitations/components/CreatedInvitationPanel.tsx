import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
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
  return (
    <Stack>
      <Alert color="teal" variant="light" icon={<IconMailForward />} title="Invitation created">
        <Text size="sm">
          {invitation.inviteeName} is invited as <b>{invitation.email}</b>. The message with this link is in
          the outbox for a mail sender; until one is set up, copy the link and send it yourself. It expires{' '}
          {formatDateTime(invitation.expiresAt)}.
        </Text>
      </Alert>
      <InvitationLinkField link={link} />
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
