import { Badge, Button, EmptyState, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { mayInOrganization } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useMe } from '../../auth/me-context.ts';
import { type BreakGlassGrantEntry, breakGlassGrantsQueryOptions } from '../api.ts';
import { formatShortTime } from '../labels.ts';
import { LoadMore } from './LoadMore.tsx';
import { ReviewBreakGlassDialog } from './ReviewBreakGlassDialog.tsx';

/**
 * Break-the-glass accesses for supervisors: the unreviewed queue (with a Review action for supervisors other than
 * the person who broke the glass) or the reviewed history.
 */
export function BreakGlassReviewQueue({ reviewed = false }: { reviewed?: boolean }) {
  const me = useMe();
  const grants = useInfiniteQuery(breakGlassGrantsQueryOptions(reviewed));
  const [reviewing, setReviewing] = useState<BreakGlassGrantEntry | null>(null);
  const mayReview = mayInOrganization(me.role, 'update', 'break_glass_review');

  if (grants.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label="Loading emergency accesses">
        {[0, 1, 2].map((row) => (
          <Skeleton key={row} height={36} />
        ))}
      </Stack>
    );
  }
  if (grants.isError) return <ErrorPanel error={grants.error} onRetry={() => void grants.refetch()} />;
  const items = grants.data.pages.flatMap((page) => page.items);
  if (items.length === 0) {
    return (
      <EmptyState
        icon={<IconShieldCheck />}
        withIndicatorBackground
        title={reviewed ? 'No reviews yet' : 'Nothing to review'}
        description={
          reviewed
            ? 'Reviewed emergency accesses will be listed here.'
            : 'Every break-the-glass access has been reviewed.'
        }
      />
    );
  }
  const now = Date.now();
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing="sm" data-testid={reviewed ? 'reviewed-break-glass' : 'break-glass-queue'}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Patient</Table.Th>
              <Table.Th>Reason</Table.Th>
              <Table.Th ta="right">Views</Table.Th>
              <Table.Th>{reviewed ? 'Review' : <VisuallyHidden>Actions</VisuallyHidden>}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((grant) => (
              <Table.Tr key={grant.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatShortTime(grant.grantedAt)}</Text>
                  {Date.parse(grant.expiresAt) > now ? (
                    <Badge color="red" size="xs" variant="light">
                      Open until {formatShortTime(grant.expiresAt)}
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      Ended {formatShortTime(grant.expiresAt)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {grant.user.name}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{grant.patient.name}</Text>
                  {grant.patient.mrn && (
                    <Text size="xs" c="dimmed">
                      MRN {grant.patient.mrn}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {grant.reason}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{grant.accessCount}</Table.Td>
                <Table.Td>
                  {grant.review !== null ? (
                    <Stack gap={0} maw={280}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {grant.review.note}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {grant.review.reviewedBy.name}, {formatShortTime(grant.review.reviewedAt)}
                      </Text>
                    </Stack>
                  ) : mayReview && grant.user.userId !== me.user.id ? (
                    <Button size="xs" variant="light" onClick={() => setReviewing(grant)}>
                      Review
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {mayReview ? 'Another supervisor reviews your own access' : 'Awaiting a supervisor'}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore
        hasNextPage={grants.hasNextPage}
        isFetchingNextPage={grants.isFetchingNextPage}
        onLoadMore={() => void grants.fetchNextPage()}
        shown={items.length}
        noun={['access', 'accesses']}
      />
      <ReviewBreakGlassDialog grant={reviewing} onClose={() => setReviewing(null)} />
    </Stack>
  );
}
