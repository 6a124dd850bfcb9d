import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type Consent = components['schemas']['Consent'];
export type ConsentCreate = components['schemas']['ConsentCreate'];
export type ConsentHistory = components['schemas']['ConsentHistory'];
export type SupportContact = components['schemas']['SupportContact'];
export type SupportContactCreate = components['schemas']['SupportContactCreate'];

export const consentQueryKeys = {
  all: ['consents'] as const,
  list: (patientId: string) => [...consentQueryKeys.all, 'list', patientId] as const,
  supportContacts: (patientId: string) => [...consentQueryKeys.all, 'support-contacts', patientId] as const,
  history: (patientId: string, consentId: string) =>
    [...consentQueryKeys.all, 'history', patientId, consentId] as const,
};

/** Every read is audited: no refetch just because the window regained focus. */
export function consentListQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: consentQueryKeys.list(patientId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/patients/{patientId}/consents', { params: { path: { patientId } }, signal }),
        )
      ).items,
    refetchOnWindowFocus: false,
  });
}

export function supportContactListQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: consentQueryKeys.supportContacts(patientId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/patients/{patientId}/support-contacts', { params: { path: { patientId } }, signal }),
        )
      ).items,
    refetchOnWindowFocus: false,
  });
}

export function createSupportContact(patientId: string, body: SupportContactCreate) {
  return unwrap(
    api.POST('/api/patients/{patientId}/support-contacts', { params: { path: { patientId } }, body }),
  );
}

export function recordConsent(patientId: string, body: ConsentCreate) {
  return unwrap(api.POST('/api/patients/{patientId}/consents', { params: { path: { patientId } }, body }));
}

export function revokeConsent(patientId: string, consent: Consent, reason: string) {
  return unwrap(
    api.POST('/api/patients/{patientId}/consents/{consentId}/revoke', {
      params: { path: { patientId, consentId: consent.id } },
      body: { version: consent.version, reason: reason.trim() === '' ? null : reason.trim() },
    }),
  );
}

/** The new terms become the next signed version, with the reason; the consent amended is superseded at once. */
export function amendConsent(patientId: string, consent: Consent, body: ConsentCreate, reason: string) {
  return unwrap(
    api.POST('/api/patients/{patientId}/consents/{consentId}/amend', {
      params: { path: { patientId, consentId: consent.id } },
      body: { ...body, version: consent.version, reason },
    }),
  );
}

/** Every signed version of the consent's record, with what each amendment changed (the read is audited). */
export function consentHistoryQueryOptions(patientId: string, consentId: string) {
  return queryOptions({
    queryKey: consentQueryKeys.history(patientId, consentId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/patients/{patientId}/consents/{consentId}/history', {
          params: { path: { patientId, consentId } },
          signal,
        }),
      ),
    refetchOnWindowFocus: false,
  });
}

/** The printout marked for release: opened in a new tab (a GET; ids only in the address). */
export function releasePrintoutUrl(patientId: string, consentId: string): string {
  return `/api/patients/${encodeURIComponent(patientId)}/releases/${encodeURIComponent(consentId)}.pdf`;
}
