import { Accordion, Badge, Code, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { formatDateTime } from '../../invitations/format.ts';
import { type OutboxMessage, outboxQueryOptions } from '../api.ts';

const linkStatus: Record<NonNullable<OutboxMessage['invitationStatus']>, { label: string; color: string }> = {
  pending: { label: 'Link works', color: 'teal' },
  expired: { label: 'Link expired', color: 'gray' },
  accepted: { label: 'Accepted', color: 'blue' },
  revoked: { label: 'Withdrawn', color: 'gray' },
};

/**
 * The outbox, for administrators: what a mail sender would deliver, to whom, and whether its link still works.
 * Links themselves are never shown here (whoever holds a live one can accept it); the person who creates an
 * invitation sees its link once.
 */
export function OutboxPage() {
  const outbox = useQuery(outboxQueryOptions);
  return (
    <Stack gap="lg">
      <PageHeader
        title="Outbox"
        description="Messages Tandem would send by email, newest first: to whom, and whether each invitation link still works. Links are shown only once, to whoever creates the invitation; if one was lost, invite the person again (that replaces the link)."
      />
      {outbox.isPending && (
        <Stack gap="xs" aria-busy="true" aria-label="Loading the outbox">
          {[0, 1, 2].map((row) => (
            <Skeleton key={row} height={48} />
          ))}
        </Stack>
      )}
      {outbox.isError && <ErrorPanel error={outbox.error} onRetry={() => void outbox.refetch()} />}
      {outbox.isSuccess && outbox.data.length === 0 && (
        <Text c="dimmed">The outbox is empty. Invitations you create will appear here.</Text>
      )}
      {outbox.isSuccess && outbox.data.length > 0 && (
        <Accordion variant="separated" data-testid="outbox">
          {outbox.data.map((message) => (
            <Accordion.Item key={message.id} value={message.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap" pr="sm">
                  <Stack gap={0}>
                    <Text fw={500}>{message.subject}</Text>
                    <Text size="sm" c="dimmed">
                      To {message.recipient} · {formatDateTime(message.createdAt)}
                    </Text>
                  </Stack>
                  <Group gap="xs" wrap="nowrap">
                    {message.invitationStatus && (
                      <Badge variant="light" color={linkStatus[message.invitationStatus].color}>
                        {linkStatus[message.invitationStatus].label}
                      </Badge>
                    )}
                    <Badge variant="outline" color={message.sentAt ? 'blue' : 'gray'}>
                      {message.sentAt ? 'Sent' : 'Not sent'}
                    </Badge>
                  </Group>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {message.body}
                </Code>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}
