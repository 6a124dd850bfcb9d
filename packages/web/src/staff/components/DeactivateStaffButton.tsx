import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import type { StaffMember } from '../../api/types.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { deactivateStaffMember, staffQueryKeys } from '../api.ts';

/** Administrators: end a staff member's access, signing them out everywhere in the organization at once. */
export function DeactivateStaffButton({ member }: { member: StaffMember }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const deactivate = useMutation({
    mutationFn: () => deactivateStaffMember(member.id),
    onSuccess: async (updated) => {
      setConfirming(false);
      queryClient.setQueryData(staffQueryKeys.detail(member.id), updated);
      await queryClient.invalidateQueries({ queryKey: staffQueryKeys.list() });
      notifications.show({
        color: 'green',
        title: intl.formatMessage(
          { id: 'staff.deactivateStaffButton.doneTitle', defaultMessage: '{name} is deactivated' },
          { name: member.displayName },
        ),
        message: intl.formatMessage({
          id: 'staff.deactivateStaffButton.doneMessage',
          defaultMessage: 'Their sessions have ended; they can no longer sign in here.',
        }),
      });
    },
  });
  const problem = deactivate.error ? describeProblem(deactivate.error) : null;
  return (
    <>
      <Button
        color="red"
        variant="light"
        leftSection={<IconUserOff size={16} />}
        onClick={() => setConfirming(true)}
      >
        <FormattedMessage id="staff.deactivateStaffButton.open" defaultMessage="Deactivate" />
      </Button>
      <Dialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={intl.formatMessage(
          { id: 'staff.deactivateStaffButton.title', defaultMessage: 'Deactivate {name}?' },
          { name: member.displayName },
        )}
        centered
      >
        <Stack>
          <Text size="sm">
            <FormattedMessage
              id="staff.deactivateStaffButton.explanation"
              defaultMessage="They are signed out everywhere at once and can no longer sign in to this organization. Their records and history stay as they are."
            />
          </Text>
          {problem && (
            <Text size="sm" c="red">
              {problem.detail ?? problem.title}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              <FormattedMessage id="staff.deactivateStaffButton.cancel" defaultMessage="Cancel" />
            </Button>
            <Button color="red" loading={deactivate.isPending} onClick={() => deactivate.mutate()}>
              <FormattedMessage id="staff.deactivateStaffButton.confirm" defaultMessage="Deactivate" />
            </Button>
          </Group>
        </Stack>
      </Dialog>
    </>
  );
}
