import { Badge, Button, EmptyState, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useMe } from '../../auth/me-context.ts';
import { type BreakGlassGrantEntry, breakGlassGrantsQueryOptions } from '../api.ts';
import { formatShortTime } from '../labels.ts';
import { LoadMore } from './LoadMore.tsx';
import { ReviewBreakGlassDialog } from './ReviewBreakGlassDialog.tsx';

const messages = defineMessages({
  loading: { id: 'auditLog.breakGlassReviewQueue.loading', defaultMessage: 'Loading emergency accesses' },
  noReviewsTitle: { id: 'auditLog.breakGlassReviewQueue.noReviewsTitle', defaultMessage: 'No reviews yet' },
  noReviewsDescription: {
    id: 'auditLog.breakGlassReviewQueue.noReviewsDescription',
    defaultMessage: 'Reviewed emergency accesses will be listed here.',
  },
  nothingToReviewTitle: {
    id: 'auditLog.breakGlassReviewQueue.nothingToReviewTitle',
    defaultMessage: 'Nothing to review',
  },
  nothingToReviewDescription: {
    id: 'auditLog.breakGlassReviewQueue.nothingToReviewDescription',
    defaultMessage: 'Every break-the-glass access has been reviewed.',
  },
});

/**
 * Break-the-glass accesses for supervisors: the unreviewed queue (with a Review action for supervisors other than
 * the person who broke the glass) or the reviewed history.
 */
export function BreakGlassReviewQueue({ reviewed = false }: { reviewed?: boolean }) {
  const me = useMe();
  const intl = useIntl();
  const grants = useInfiniteQuery(breakGlassGrantsQueryOptions(reviewed));
  const [reviewing, setReviewing] = useState<BreakGlassGrantEntry | null>(null);
  const mayReview = mayInOrganization(me.role, 'update', 'break_glass_review');

  if (grants.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label={intl.formatMessage(messages.loading)}>
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
        title={intl.formatMessage(reviewed ? messages.noReviewsTitle : messages.nothingToReviewTitle)}
        description={intl.formatMessage(
          reviewed ? messages.noReviewsDescription : messages.nothingToReviewDescription,
        )}
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
              <Table.Th>
                <FormattedMessage id="auditLog.breakGlassReviewQueue.when" defaultMessage="When" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="auditLog.breakGlassReviewQueue.who" defaultMessage="Who" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="auditLog.breakGlassReviewQueue.patient" defaultMessage="Patient" />
              </Table.Th>
              <Table.Th>
                <FormattedMessage id="auditLog.breakGlassReviewQueue.reason" defaultMessage="Reason" />
              </Table.Th>
              <Table.Th ta="right">
                <FormattedMessage id="auditLog.breakGlassReviewQueue.views" defaultMessage="Views" />
              </Table.Th>
              <Table.Th>
                {reviewed ? (
                  <FormattedMessage id="auditLog.breakGlassReviewQueue.review" defaultMessage="Review" />
                ) : (
                  <VisuallyHidden>
                    <FormattedMessage id="auditLog.breakGlassReviewQueue.actions" defaultMessage="Actions" />
                  </VisuallyHidden>
                )}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((grant) => (
              <Table.Tr key={grant.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatShortTime(intl, grant.grantedAt)}</Text>
                  {Date.parse(grant.expiresAt) > now ? (
                    <Badge color="red" size="xs" variant="light">
                      <FormattedMessage
                        id="auditLog.breakGlassReviewQueue.openUntil"
                        defaultMessage="Open until {time}"
                        values={{ time: formatShortTime(intl, grant.expiresAt) }}
                      />
                    </Badge>
                  ) : (
                    <Text size="xs" c="dimmed">
                      <FormattedMessage
                        id="auditLog.breakGlassReviewQueue.ended"
                        defaultMessage="Ended {time}"
                        values={{ time: formatShortTime(intl, grant.expiresAt) }}
                      />
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
                      <FormattedMessage
                        id="auditLog.breakGlassReviewQueue.mrn"
                        defaultMessage="MRN {mrn}"
                        values={{ mrn: grant.patient.mrn }}
                      />
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {grant.reason}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{intl.formatNumber(grant.accessCount)}</Table.Td>
                <Table.Td>
                  {grant.review !== null ? (
                    <Stack gap={0} maw={280}>
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {grant.review.note}
                      </Text>
                      <Text size="xs" c="dimmed">
                        <FormattedMessage
                          id="auditLog.breakGlassReviewQueue.reviewedByAt"
                          defaultMessage="{name}, {time}"
                          values={{
                            name: grant.review.reviewedBy.name,
                            time: formatShortTime(intl, grant.review.reviewedAt),
                          }}
                        />
                      </Text>
                    </Stack>
                  ) : mayReview && grant.user.userId !== me.user.id ? (
                    <Button size="xs" variant="light" onClick={() => setReviewing(grant)}>
                      <FormattedMessage
                        id="auditLog.breakGlassReviewQueue.reviewButton"
                        defaultMessage="Review"
                      />
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {mayReview ? (
                        <FormattedMessage
                          id="auditLog.breakGlassReviewQueue.notYourOwn"
                          defaultMessage="Another supervisor reviews your own access"
                        />
                      ) : (
                        <FormattedMessage
                          id="auditLog.breakGlassReviewQueue.awaitingSupervisor"
                          defaultMessage="Awaiting a supervisor"
                        />
                      )}
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
        items="accesses"
      />
      <ReviewBreakGlassDialog grant={reviewing} onClose={() => setReviewing(null)} />
    </Stack>
  );
}
