import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import type { StaffMember } from '../../api/types.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { sendStaffPasswordReset } from '../../auth/password-reset-api.ts';

/**
 * Administrators: mail a staff member a link to choose a new password. The link goes only to their mailbox; the
 * administrator never sees it. Without a mail server, the message waits in the outbox, not sent.
 */
export function SendPasswordResetButton({ member }: { member: StaffMember }) {
  const intl = useIntl();
  const [confirming, setConfirming] = useState(false);
  const send = useMutation({
    mutationFn: () => sendStaffPasswordReset(member.id),
    onSuccess: (result) => {
      setConfirming(false);
      notifications.show({
        color: result.mailServer ? 'green' : 'yellow',
        title: result.mailServer
          ? intl.formatMessage({
              id: 'staff.sendPasswordResetButton.sentTitle',
              defaultMessage: 'Password link on its way',
            })
          : intl.formatMessage({
              id: 'staff.sendPasswordResetButton.noMailServerTitle',
              defaultMessage: 'Not sent: no mail server is configured',
            }),
        message: result.mailServer
          ? intl.formatMessage(
              {
                id: 'staff.sendPasswordResetButton.sentMessage',
                defaultMessage: 'A link to choose a new password is being sent to {recipient}.',
              },
              { recipient: result.recipient },
            )
          : intl.formatMessage({
              id: 'staff.sendPasswordResetButton.noMailServerMessage',
              defaultMessage:
                'The message waits in the outbox. Set TANDEM_SMTP_URL so that Tandem can send email.',
            }),
      });
    },
  });
  const problem = send.error ? describeProblem(send.error) : null;
  return (
    <>
      <Button variant="default" leftSection={<IconKey size={16} />} onClick={() => setConfirming(true)}>
        <FormattedMessage id="staff.sendPasswordResetButton.open" defaultMessage="Send password reset" />
      </Button>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={intl.formatMessage(
          { id: 'staff.sendPasswordResetButton.title', defaultMessage: 'Send {name} a password link?' },
          { name: member.displayName },
        )}
        centered
      >
        <Stack>
          <Text size="sm">
            <FormattedMessage
              id="staff.sendPasswordResetButton.explanation"
              defaultMessage="They get an email with a link to choose a new password, valid for an hour. Their current password keeps working until they use it; then every session of theirs is signed out."
            />
          </Text>
          {problem && (
            <Text size="sm" c="red">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              <FormattedMessage id="staff.sendPasswordResetButton.cancel" defaultMessage="Cancel" />
            </Button>
            <Button loading={send.isPending} onClick={() => send.mutate()}>
              <FormattedMessage id="staff.sendPasswordResetButton.send" defaultMessage="Send link" />
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
