import { Alert, Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { roleLabels } from '../../auth/roles.ts';
import {
  type Invitation,
  invitationQueryKeys,
  openInvitationsQueryOptions,
  revokeInvitation,
} from '../api.ts';
import { formatDateTime } from '../format.ts';

const kindLabels: Record<Invitation['kind'], string> = {
  staff: 'Staff',
  patient: 'Patient portal',
  family_member: 'Support contact',
};

/**
 * Invitations not yet accepted or withdrawn, with a way to withdraw each. Which ones the person sees is the
 * server's decision (staff invitations for administrators, a patient's for their care team); `kinds` narrows it
 * for the page it sits on, `patientId` to one patient's record.
 */
export function PendingInvitations({
  patientId,
  kinds,
  emptyText = 'No open invitations.',
}: {
  patientId?: string;
  kinds?: readonly Invitation['kind'][];
  emptyText?: string;
}) {
  const invitations = useQuery(openInvitationsQueryOptions(patientId));
  const [confirming, setConfirming] = useState<Invitation | null>(null);

  if (invitations.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label="Loading invitations">
        <Skeleton height={28} />
        <Skeleton height={28} />
      </Stack>
    );
  }
  if (invitations.isError) {
    return <ErrorPanel error={invitations.error} onRetry={() => void invitations.refetch()} />;
  }
  const shown = invitations.data.filter(
    (invitation) => kinds === undefined || kinds.includes(invitation.kind),
  );
  if (shown.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {emptyText}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="pending-invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Invited</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>As</Table.Th>
              <Table.Th>By</Table.Th>
              <Table.Th>Expires</Table.Th>
              <Table.Th>
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td fw={500}>{invitation.inviteeName}</Table.Td>
                <Table.Td>{invitation.email}</Table.Td>
                <Table.Td>
                  {invitation.kind === 'staff' ? (
                    <FormattedMessage {...roleLabels[invitation.role]} />
                  ) : (
                    kindLabels[invitation.kind]
                  )}
                </Table.Td>
                <Table.Td>{invitation.createdByName}</Table.Td>
                <Table.Td>
                  {invitation.status === 'expired' ? (
                    <Badge color="gray" variant="light">
                      Expired
                    </Badge>
                  ) : (
                    formatDateTime(invitation.expiresAt)
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setConfirming(invitation)}
                    aria-label={`Withdraw the invitation of ${invitation.inviteeName}`}
                  >
                    Withdraw
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Dialog
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title="Withdraw this invitation?"
      >
        {confirming !== null && <ConfirmRevoke invitation={confirming} onClose={() => setConfirming(null)} />}
      </Dialog>
    </>
  );
}

function ConfirmRevoke({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invitationQueryKeys.all });
      notifications.show({
        color: 'teal',
        icon: <IconMailOff size={18} />,
        title: 'Invitation withdrawn',
        message: `The link sent to ${invitation.email} no longer works.`,
      });
      onClose();
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: invitationQueryKeys.all }),
  });
  const failure = mutation.error ? describeProblem(mutation.error) : null;
  return (
    <Stack>
      <Text size="sm">
        The link sent to <b>{invitation.email}</b> stops working at once. You can invite{' '}
        {invitation.inviteeName} again later.
      </Text>
      {failure && (
        <Alert color="red" variant="light" title={failure.title}>
          {failure.detail}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Keep it
        </Button>
        <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate(invitation)}>
          Withdraw invitation
        </Button>
      </Group>
    </Stack>
  );
}
