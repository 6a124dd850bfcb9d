import { Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { breakGlassGrantQueryOptions } from '../../audit-log/api.ts';
import { ReviewBreakGlassDialog } from '../../audit-log/components/ReviewBreakGlassDialog.tsx';

/**
 * "Review the access" from a `break_glass_review` alert: opens the break-the-glass access the alert names and
 * the review form; recording the review resolves the alert for everyone it was routed to (on the server).
 */
export function ReviewAccessFromAlert({ grantId, onClose }: { grantId: string | null; onClose: () => void }) {
  const intl = useIntl();
  const grant = useQuery({
    ...breakGlassGrantQueryOptions(grantId ?? ''),
    enabled: grantId !== null,
  });
  if (grantId === null) return null;
  if (grant.isSuccess) return <ReviewBreakGlassDialog grant={grant.data} onClose={onClose} />;
  return (
    <Dialog
      opened
      onClose={onClose}
      title={intl.formatMessage({
        id: 'alerts.reviewAccessFromAlert.title',
        defaultMessage: 'Review emergency access',
      })}
      size="lg"
    >
      {grant.isError ? (
        <ErrorPanel error={grant.error} onRetry={() => void grant.refetch()} />
      ) : (
        <Loader
          size="sm"
          aria-label={intl.formatMessage({
            id: 'alerts.reviewAccessFromAlert.loading',
            defaultMessage: 'Loading the emergency access',
          })}
        />
      )}
    </Dialog>
  );
}
