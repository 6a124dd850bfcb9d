import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type PatientSummary = components['schemas']['PatientSummary'];
export type PatientRecord = components['schemas']['PatientRecord'];

export type PatientPage = components['schemas']['PatientPage'];
/** What the list asks for: the search text (name, MRN, date of birth), the filters and the page. */
export type PatientSearch = components['schemas']['PatientSearchInput'];
export type PatientListRequest = PatientSearch;

export const patientQueryKeys = {
  all: ['patients'] as const,
  list: (search: PatientListRequest) => [...patientQueryKeys.all, 'list', search] as const,
  record: (patientId: string) => [...patientQueryKeys.all, 'record', patientId] as const,
};

/**
 * A page of the patients the caller may see (their caseload first), searched and filtered. The search names a
 * person, so it goes in a POST body: never in a URL, the browser history or a server log.
 */
export function patientPageQueryOptions(search: PatientListRequest) {
  return queryOptions({
    queryKey: patientQueryKeys.list(search),
    queryFn: ({ signal }) => unwrap(api.POST('/api/patients/search', { body: search, signal })),
  });
}

/** The first patients matching a name or MRN, for pickers. */
export function patientListQueryOptions(search: string, limit = 50) {
  const body = { limit, offset: 0, ...(search.trim() === '' ? {} : { q: search.trim() }) };
  return queryOptions({
    queryKey: [...patientQueryKeys.all, 'picker', body] as const,
    queryFn: async ({ signal }) => (await unwrap(api.POST('/api/patients/search', { body, signal }))).items,
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
