import { Accordion, Alert, Badge, Button, Code, Group, Skeleton, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailOff, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defineMessages, FormattedMessage, type MessageDescriptor, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { type OutboxMessage, outboxQueryOptions, retryMessage } from '../api.ts';
import { deliveryLabel } from '../delivery-label.ts';

type InvitationStatus = NonNullable<OutboxMessage['invitationStatus']>;

const linkStatusLabels: Record<InvitationStatus, MessageDescriptor> = defineMessages({
  pending: { id: 'outbox.linkStatus.pending', defaultMessage: 'Link works' },
  expired: { id: 'outbox.linkStatus.expired', defaultMessage: 'Link expired' },
  accepted: { id: 'outbox.linkStatus.accepted', defaultMessage: 'Accepted' },
  revoked: { id: 'outbox.linkStatus.revoked', defaultMessage: 'Withdrawn' },
});

const linkStatusColors: Record<InvitationStatus, string> = {
  pending: 'teal',
  expired: 'gray',
  accepted: 'blue',
  revoked: 'gray',
};

function RetryButton({ message }: { message: OutboxMessage }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const retry = useMutation({
    mutationFn: () => retryMessage(message.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: outboxQueryOptions.queryKey });
      notifications.show({
        color: 'green',
        title: intl.formatMessage({ id: 'outbox.retryButton.queuedAgain', defaultMessage: 'Queued again' }),
        message: intl.formatMessage(
          { id: 'outbox.retryButton.to', defaultMessage: 'To {recipient}' },
          { recipient: message.recipient },
        ),
      });
    },
    onError: (error) => {
      const problem = describeProblem(error);
      notifications.show({ color: 'red', title: problem.title, message: problem.detail ?? '' });
    },
  });
  return (
    <Button
      size="xs"
      variant="light"
      leftSection={<IconRefresh size={14} />}
      loading={retry.isPending}
      onClick={() => retry.mutate()}
    >
      <FormattedMessage id="outbox.retryButton.retryNow" defaultMessage="Retry now" />
    </Button>
  );
}

/**
 * The outbox, for administrators: what Tandem sends by email, to whom, how delivery went (sent, retrying with the
 * next attempt, failed with the mail server's reason, and "Retry now"), and whether each invitation link still
 * works. Links themselves are never shown here; the person who creates an invitation sees its link once.
 */
export function OutboxPage() {
  const intl = useIntl();
  const outbox = useQuery(outboxQueryOptions);
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({ id: 'outbox.outboxPage.title', defaultMessage: 'Outbox' })}
        description={intl.formatMessage({
          id: 'outbox.outboxPage.description',
          defaultMessage:
            'Messages Tandem sends by email, newest first: to whom, whether each was delivered, and whether each invitation link still works. Links are shown only once, to whoever creates the invitation; if one was lost, invite the person again (that replaces the link).',
        })}
      />
      {outbox.isPending && (
        <Stack
          gap="xs"
          aria-busy="true"
          aria-label={intl.formatMessage({
            id: 'outbox.outboxPage.loading',
            defaultMessage: 'Loading the outbox',
          })}
        >
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={48} />
          ))}
        </Stack>
      )}
      {outbox.isError && <ErrorPanel error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && !outbox.data.mailServer && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconMailOff />}
          title={intl.formatMessage({
            id: 'outbox.outboxPage.noMailServerTitle',
            defaultMessage: 'No mail server is configured',
          })}
        >
          <FormattedMessage
            id="outbox.outboxPage.noMailServer"
            defaultMessage="Nothing is sent by email: messages wait here. Copy invitation links when you create them, or set TANDEM_SMTP_URL so that Tandem sends them."
          />
        </Alert>
      )}
      {outbox.isSuccess && outbox.data.items.length === 0 && (
        <Text c="dimmed">
          <FormattedMessage
            id="outbox.outboxPage.empty"
            defaultMessage="The outbox is empty. Invitations you create will appear here."
          />
        </Text>
      )}
      {outbox.isSuccess && outbox.data.items.length > 0 && (
        <Accordion variant="separated" data-testid="outbox">
          {outbox.data.items.map((message) => {
            const delivery = deliveryLabel(intl, message, outbox.data.mailServer);
            return (
              <Accordion.Item key={message.id} value={message.id}>
                <Accordion.Control>
                  <Group justify="space-between" wrap="nowrap" pr="sm">
                    <Stack gap={0}>
                      <Text fw={500}>{message.subject}</Text>
                      <Text size="sm" c="dimmed">
                        <FormattedMessage
                          id="outbox.outboxPage.toAndWhen"
                          defaultMessage="To {recipient} · {time}"
                          values={{
                            recipient: message.recipient,
                            time: intl.formatDate(message.createdAt, {
                              dateStyle: 'medium',
                              timeStyle: 'short',
                            }),
                          }}
                        />
                      </Text>
                    </Stack>
                    <Group gap="xs" wrap="nowrap">
                      {message.invitationStatus && (
                        <Badge variant="light" color={linkStatusColors[message.invitationStatus]}>
                          <FormattedMessage {...linkStatusLabels[message.invitationStatus]} />
                        </Badge>
                      )}
                      <Badge variant="outline" color={delivery.color} data-testid="delivery-state">
                        {delivery.label}
                      </Badge>
                    </Group>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Stack gap="sm">
                    {delivery.detail && (
                      <Group justify="space-between" wrap="nowrap">
                        <Text size="sm" c={message.delivery.state === 'failed' ? 'red' : undefined}>
                          {delivery.detail}
                        </Text>
                        {message.delivery.state === 'failed' && <RetryButton message={message} />}
                      </Group>
                    )}
                    <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                      {message.body}
                    </Code>
                  </Stack>
                </Accordion.Panel>
              </Accordion.Item>
            );
          })}
        </Accordion>
      )}
    </Stack>
  );
}
