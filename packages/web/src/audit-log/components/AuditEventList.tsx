import { Skeleton, Stack } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { auditEventsQueryOptions } from '../api.ts';
import { dateRangeError, type AuditFilters as Filters } from '../filters.ts';
import { AuditEventTable } from './AuditEventTable.tsx';
import { AuditFilters } from './AuditFilters.tsx';
import { LoadMore } from './LoadMore.tsx';

interface AuditEventListProps {
  filters: Filters;
  onFiltersChange: (filters: Filters) => void;
}

/** Filters, the matching events newest first, and "Load more". */
export function AuditEventList({ filters, onFiltersChange }: AuditEventListProps) {
  const intl = useIntl();
  const valid = dateRangeError(filters) === undefined;
  const events = useInfiniteQuery({ ...auditEventsQueryOptions(filters), enabled: valid });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const shownPatient = items.find((item) => item.patient?.id === filters.patientId)?.patient;
  const patientLabel =
    shownPatient?.name == null
      ? undefined
      : intl.formatMessage(
          { id: 'auditLog.auditEventList.patientWithMrn', defaultMessage: '{name} · MRN {mrn}' },
          { name: shownPatient.name, mrn: shownPatient.mrn ?? '' },
        );

  return (
    <Stack gap="md">
      <AuditFilters filters={filters} onChange={onFiltersChange} patientLabel={patientLabel} />
      {valid && events.isPending && (
        <Stack
          gap="xs"
          aria-busy="true"
          aria-label={intl.formatMessage({
            id: 'auditLog.auditEventList.loading',
            defaultMessage: 'Loading audit events',
          })}
        >
          {[0, 1, 2, 3, 4].map((row) => (
            <Skeleton key={row} height={36} />
          ))}
        </Stack>
      )}
      {events.isError && <ErrorPanel error={events.error} onRetry={() => void events.refetch()} />}
      {events.isSuccess && (
        <>
          <AuditEventTable
            events={items}
            onFilterUser={(userId) => onFiltersChange({ ...filters, userId })}
            onFilterPatient={(patientId) => onFiltersChange({ ...filters, patientId })}
          />
          <LoadMore
            hasNextPage={events.hasNextPage}
            isFetchingNextPage={events.isFetchingNextPage}
            onLoadMore={() => void events.fetchNextPage()}
            shown={items.length}
          />
        </>
      )}
    </Stack>
  );
}
