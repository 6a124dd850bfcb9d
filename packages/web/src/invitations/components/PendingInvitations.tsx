import { Alert, Badge, Button, Group, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
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

const kindLabels: Record<Invitation['kind'], MessageDescriptor> = defineMessages({
  staff: { id: 'invitations.pendingInvitations.kindStaff', defaultMessage: 'Staff' },
  patient: { id: 'invitations.pendingInvitations.kindPatient', defaultMessage: 'Patient portal' },
  family_member: { id: 'invitations.pendingInvitations.kindFamilyMember', defaultMessage: 'Support contact' },
});

/**
 * Invitations not yet accepted or withdrawn, with a way to withdraw each. Which ones the person sees is the
 * server's decision (staff invitations for administrators, a patient's for their care team); `kinds` narrows it
 * for the page it sits on, `patientId` to one patient's record.
 */
export function PendingInvitations({
  patientId,
  kinds,
  emptyText,
}: {
  patientId?: string;
  kinds?: readonly Invitation['kind'][];
  /** What shows when nothing is open (already in the reader's language). */
  emptyText?: ReactNode;
}) {
  const intl = useIntl();
  const invitations = useQuery(openInvitationsQueryOptions(patientId));
  const [confirming, setConfirming] = useState<Invitation | null>(null);

  if (invitations.isPending) {
    return (
      <Stack
        gap="xs"
        aria-busy="true"
        aria-label={intl.formatMessage({
          id: 'invitations.pendingInvitations.loading',
          defaultMessage: 'Loading invitations',
        })}
      >
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
        {emptyText ?? (
          <FormattedMessage id="invitations.pendingInvitations.empty" defaultMessage="No open invitations." />
        )}
      </Text>
    );
  }
  return (
    <>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="pending-invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="invitations.pendingInvitations.invited" defaultMessage="Invited" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="invitations.pendingInvitations.email" defaultMessage="Email" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="invitations.pendingInvitations.as" defaultMessage="As" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="invitations.pendingInvitations.by" defaultMessage="By" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="invitations.pendingInvitations.expires" defaultMessage="Expires" />
              </Table.Th>
              <Table.Th>
                <VisuallyHidden>
                  <FormattedMessage id="invitations.pendingInvitations.actions" defaultMessage="Actions" />
                </VisuallyHidden>
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
                    <FormattedMessage {...kindLabels[invitation.kind]} />
                  )}
                </Table.Td>
                <Table.Td>{invitation.createdByName}</Table.Td>
                <Table.Td>
                  {invitation.status === 'expired' ? (
                    <Badge color="gray" variant="light">
                      <FormattedMessage
                        id="invitations.pendingInvitations.expired"
                        defaultMessage="Expired"
                      />
                    </Badge>
                  ) : (
                    formatDateTime(invitation.expiresAt, intl)
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    onClick={() => setConfirming(invitation)}
                    aria-label={intl.formatMessage(
                      {
                        id: 'invitations.pendingInvitations.withdrawLabel',
                        defaultMessage: 'Withdraw the invitation of {invitee}',
                      },
                      { invitee: invitation.inviteeName },
                    )}
                  >
                    <FormattedMessage
                      id="invitations.pendingInvitations.withdraw"
                      defaultMessage="Withdraw"
                    />
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
        title={intl.formatMessage({
          id: 'invitations.pendingInvitations.confirmTitle',
          defaultMessage: 'Withdraw this invitation?',
        })}
      >
        {confirming !== null && <ConfirmRevoke invitation={confirming} onClose={() => setConfirming(null)} />}
      </Dialog>
    </>
  );
}

function ConfirmRevoke({ invitation, onClose }: { invitation: Invitation; onClose: () => void }) {
  const queryClient = useQueryClient();
  const intl = useIntl();
  const mutation = useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: invitationQueryKeys.all });
      notifications.show({
        color: 'teal',
        icon: <IconMailOff size={18} />,
        title: intl.formatMessage({
          id: 'invitations.confirmRevoke.withdrawnTitle',
          defaultMessage: 'Invitation withdrawn',
        }),
        message: intl.formatMessage(
          {
            id: 'invitations.confirmRevoke.withdrawn',
            defaultMessage: 'The link sent to {email} no longer works.',
          },
          { email: invitation.email },
        ),
      });
      onClose();
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: invitationQueryKeys.all }),
  });
  const failure = mutation.error ? describeProblem(mutation.error) : null;
  return (
    <Stack>
      <Text size="sm">
        <FormattedMessage
          id="invitations.confirmRevoke.explanation"
          defaultMessage="The link sent to <b>{email}</b> stops working at once. You can invite {invitee} again later."
          values={{
            email: invitation.email,
            invitee: invitation.inviteeName,
            b: (chunks) => <b>{chunks}</b>,
          }}
        />
      </Text>
      {failure && (
        <Alert color="red" variant="light" title={failure.title}>
          {failure.detail}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          <FormattedMessage id="invitations.confirmRevoke.keep" defaultMessage="Keep it" />
        </Button>
        <Button color="red" loading={mutation.isPending} onClick={() => mutation.mutate(invitation)}>
          <FormattedMessage id="invitations.confirmRevoke.submit" defaultMessage="Withdraw invitation" />
        </Button>
      </Group>
    </Stack>
  );
}
