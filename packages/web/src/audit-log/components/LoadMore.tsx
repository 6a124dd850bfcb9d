import { Button, Center, Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  shown: number;
  /** What the list holds: audit events, or emergency (break-the-glass) accesses. */
  items?: 'events' | 'accesses';
}

/** "Load more" under a newest-first list; says when everything is shown. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
  shown,
  items = 'events',
}: LoadMoreProps) {
  if (hasNextPage) {
    return (
      <Center>
        <Button variant="default" onClick={onLoadMore} loading={isFetchingNextPage}>
          <FormattedMessage id="auditLog.loadMore.loadMore" defaultMessage="Load more" />
        </Button>
      </Center>
    );
  }
  if (shown === 0) return null;
  return (
    <Text size="sm" c="dimmed" ta="center">
      {items === 'events' ? (
        <FormattedMessage
          id="auditLog.loadMore.allEventsShown"
          defaultMessage="{count, plural, =1 {The only event is shown.} other {All # events are shown.}}"
          values={{ count: shown }}
        />
      ) : (
        <FormattedMessage
          id="auditLog.loadMore.allAccessesShown"
          defaultMessage="{count, plural, =1 {The only access is shown.} other {All # accesses are shown.}}"
          values={{ count: shown }}
        />
      )}
    </Text>
  );
}
