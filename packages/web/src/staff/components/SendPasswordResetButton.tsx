import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { describeProblem } from '../../api/problem.ts';
import type { StaffMember } from '../../api/types.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { sendStaffPasswordReset } from '../../auth/password-reset-api.ts';

/**
 * Administrators: mail a staff member a link to choose a new password. The link goes only to their mailbox; the
 * administrator never sees it. Without a mail server, the message waits in the outbox, not sent.
 */
export function SendPasswordResetButton({ member }: { member: StaffMember }) {
  const [confirming, setConfirming] = useState(false);
  const send = useMutation({
    mutationFn: () => sendStaffPasswordReset(member.id),
    onSuccess: (result) => {
      setConfirming(false);
      notifications.show({
        color: result.mailServer ? 'green' : 'yellow',
        title: result.mailServer ? 'Password link on its way' : 'Not sent: no mail server is configured',
        message: result.mailServer
          ? `A link to choose a new password is being sent to ${result.recipient}.`
          : 'The message waits in the outbox. Set TANDEM_SMTP_URL so that Tandem can send email.',
      });
    },
  });
  const problem = send.error ? describeProblem(send.error) : null;
  return (
    <>
      <Button variant="default" leftSection={<IconKey size={16} />} onClick={() => setConfirming(true)}>
        Send password reset
      </Button>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={`Send ${member.displayName} a password link?`}
        centered
      >
        <Stack>
          <Text size="sm">
            They get an email with a link to choose a new password, valid for an hour. Their current password
            keeps working until they use it; then every session of theirs is signed out.
          </Text>
          {problem && (
            <Text size="sm" c="red">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button loading={send.isPending} onClick={() => send.mutate()}>
              Send link
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
