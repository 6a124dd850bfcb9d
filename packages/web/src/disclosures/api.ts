import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type AccountedDisclosure = components['schemas']['AccountedDisclosure'];
export type SharedRecord = components['schemas']['SharedRecord'];
export type PortalPatient = components['schemas']['PortalPatient'];

export const disclosureQueryKeys = {
  all: ['disclosures'] as const,
  accounting: (patientId: string) => [...disclosureQueryKeys.all, 'accounting', patientId] as const,
  shared: (patientId: string) => [...disclosureQueryKeys.all, 'shared', patientId] as const,
  portalPatients: () => [...disclosureQueryKeys.all, 'portal-patients'] as const,
};

export function accountingQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: disclosureQueryKeys.accounting(patientId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/patients/{patientId}/disclosures', {
            params: { path: { patientId }, query: { limit: 1000 } },
            signal,
          }),
        )
      ).items,
    refetchOnWindowFocus: false,
  });
}

/** The whole accounting as a spreadsheet (a plain download link: the browser sends the session cookie). */
export function accountingCsvUrl(patientId: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}/disclosures.csv`;
}

/**
 * What a patient shares with the signed-in support contact. Every fetch is a disclosure, checked against the
 * consents in effect at that moment and accounted: never prefetched, never refetched behind the person's back,
 * and not kept once the page is left (a revoked consent must not leave a copy behind in memory).
 */
export function sharedRecordQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: disclosureQueryKeys.shared(patientId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/portal/patients/{patientId}/shared', { params: { path: { patientId } }, signal })),
    staleTime: 0,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export const portalPatientsQueryOptions = queryOptions({
  queryKey: disclosureQueryKeys.portalPatients(),
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/portal/patients', { signal }))).items,
  refetchOnWindowFocus: false,
});
