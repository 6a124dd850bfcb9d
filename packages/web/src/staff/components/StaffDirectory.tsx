import { Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { staffListQueryOptions } from '../api.ts';
import { StaffTable } from './StaffTable.tsx';

/** The organization's staff, loaded from /api/staff, with loading and error states. */
export function StaffDirectory() {
  const intl = useIntl();
  const staff = useQuery(staffListQueryOptions);
  if (staff.isPending) {
    return (
      <Stack
        gap="xs"
        aria-busy="true"
        aria-label={intl.formatMessage({
          id: 'staff.staffDirectory.loading',
          defaultMessage: 'Loading staff',
        })}
      >
        {[0, 1, 2, 3].map((row) => (
          <Skeleton key={row} height={32} />
        ))}
      </Stack>
    );
  }
  if (staff.isError) return <ErrorPanel error={staff.error} onRetry={() => void staff.refetch()} />;
  return <StaffTable staff={staff.data} />;
}
