import { Button, Center, Text } from '@mantine/core';

interface LoadMoreProps {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  shown: number;
  noun?: [singular: string, plural: string];
}

/** "Load more" under a newest-first list; says when everything is shown. */
export function LoadMore({
  hasNextPage,
  isFetchingNextPage,
  onLoadMore,
  shown,
  noun = ['event', 'events'],
}: LoadMoreProps) {
  if (hasNextPage) {
    return (
      <Center>
        <Button variant="default" onClick={onLoadMore} loading={isFetchingNextPage}>
          Load more
        </Button>
      </Center>
    );
  }
  if (shown === 0) return null;
  return (
    <Text size="sm" c="dimmed" ta="center">
      {shown === 1 ? `The only ${noun[0]} is shown.` : `All ${shown} ${noun[1]} are shown.`}
    </Text>
  );
}
