import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type PatientSummary = components['schemas']['PatientSummary'];
export type PatientRecord = components['schemas']['PatientRecord'];

export const patientQueryKeys = {
  all: ['patients'] as const,
  list: (search: string) => [...patientQueryKeys.all, 'list', search] as const,
  record: (patientId: string) => [...patientQueryKeys.all, 'record', patientId] as const,
};

/** Patients the caller may see (their caseload first), by name or MRN. The search goes in the query, not a URL. */
export function patientListQueryOptions(search: string, limit = 50) {
  const q = search.trim();
  return queryOptions({
    queryKey: patientQueryKeys.list(q),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/patients', { params: { query: { limit, ...(q === '' ? {} : { q }) } }, signal }),
        )
      ).items,
  });
}

/**
 * One record. Every fetch is an audited read of the record, so it is never prefetched on hover and not refetched
 * just because the window regained focus.
 */
export function patientRecordQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: patientQueryKeys.record(patientId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/patients/{patientId}', { params: { path: { patientId } }, signal })),
    refetchOnWindowFocus: false,
  });
}

export function breakTheGlass(patientId: string, reason: string) {
  return unwrap(
    api.POST('/api/patients/{patientId}/break-glass', { params: { path: { patientId } }, body: { reason } }),
  );
}
