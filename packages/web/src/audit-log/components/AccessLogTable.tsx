import { EmptyState, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { accessLogQueryOptions } from '../api.ts';
import { actionLabel, formatAuditTime, resourceLabel } from '../labels.ts';
import { ActorCell } from './ActorCell.tsx';
import { LoadMore } from './LoadMore.tsx';
import { auditRowStyle, OutcomeBadge } from './OutcomeBadge.tsx';

/** "Who accessed this record": every audited view, change and refusal on one patient's record, newest first. */
export function AccessLogTable({ patientId }: { patientId: string }) {
  const intl = useIntl();
  const log = useInfiniteQuery(accessLogQueryOptions(patientId));
  if (log.isPending) {
    return (
      <Stack
        gap="xs"
        aria-busy="true"
        aria-label={intl.formatMessage({
          id: 'auditLog.accessLogTable.loading',
          defaultMessage: 'Loading the access log',
        })}
      >
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} height={36} />
        ))}
      </Stack>
    );
  }
  if (log.isError) return <ErrorPanel error={log.error} onRetry={() => void log.refetch()} />;
  const items = log.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconEye />}
        withIndicatorBackground
        title={intl.formatMessage({
          id: 'auditLog.accessLogTable.emptyTitle',
          defaultMessage: 'Nobody has opened this record yet',
        })}
        description={intl.formatMessage({
          id: 'auditLog.accessLogTable.emptyDescription',
          defaultMessage: 'Every view and change of this record will be listed here.',
        })}
      />
    );
  }
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing="xs" data-testid="access-log">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <FormattedMessage id="auditLog.accessLogTable.when" defaultMessage="When" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="auditLog.accessLogTable.who" defaultMessage="Who" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="auditLog.accessLogTable.what" defaultMessage="What" />
              </Table.Th>
              <Table.Th w={150}>
                <FormattedMessage id="auditLog.accessLogTable.outcome" defaultMessage="Outcome" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="auditLog.accessLogTable.reason" defaultMessage="Reason" />
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((entry) => (
              <Table.Tr key={entry.id} style={auditRowStyle(entry.outcome)} data-outcome={entry.outcome}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatAuditTime(intl, entry.occurredAt)}</Text>
                </Table.Td>
                <Table.Td>
                  <ActorCell actor={entry.actor} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{actionLabel(intl, entry.action)}</Text>
                  <Text size="xs" c="dimmed">
                    {resourceLabel(intl, entry.resourceType)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <OutcomeBadge outcome={entry.outcome} />
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {entry.reason ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasNextPage={log.hasNextPage}
        isFetchingNextPage={log.isFetchingNextPage}
        onLoadMore={() => void log.fetchNextPage()}
        shown={items.length}
      />
    </Stack>
  );
}
