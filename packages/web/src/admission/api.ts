import { queryOptions } from '@tanstack/react-query';
import { defineMessage } from 'react-intl';
import { api, unwrap } from '../api/client.ts';
import { toApiError } from '../api/problem.ts';
import type { components } from '../api/schema.generated.ts';
import { currentIntl } from '../i18n/current-locale.ts';
import { patientQueryKeys } from '../patients/api.ts';

type Schemas = components['schemas'];
export type PatientRegistration = Schemas['PatientRegistration'];
export type PatientDemographics = Schemas['PatientDemographics'];
export type PossibleDuplicate = Schemas['PossibleDuplicate'];
export type Admission = Schemas['Admission'];
export type Episode = Schemas['EpisodeOfCare'];
export type EpisodeUpdate = Schemas['EpisodeUpdate'];
export type LevelOfCareChangeInput = Schemas['LevelOfCareChangeRequest'];
export type Discharge = Schemas['Discharge'];
export type DischargeResult = Schemas['DischargeResult'];
export type EpisodeIntakeItem = Schemas['EpisodeIntakeItem'];
export type OverdueIntakeItem = Schemas['OverdueIntakeItem'];
export type DiagnosisCatalogEntry = Schemas['DiagnosisCatalogEntry'];

export const admissionQueryKeys = {
  episodes: (patientId: string) => [...patientQueryKeys.record(patientId), 'episodes'] as const,
  intake: (patientId: string, episodeId: string) =>
    [...patientQueryKeys.record(patientId), 'episodes', episodeId, 'intake'] as const,
  overdue: ['intake', 'overdue'] as const,
  diagnoses: (q: string) => ['diagnoses', q] as const,
};

/**
 * A refused write that the form can act on: the server said it was stale (409 version_conflict, with the record as
 * it is now), a likely duplicate (409 possible_duplicate, with the matches) or already admitted.
 */
export type ConflictReason = 'version_conflict' | 'possible_duplicate' | 'already_admitted' | 'conflict';
export interface ConflictBody<T> {
  current?: T;
  matches?: { id: string; mrn: string }[];
  activeEpisodeId?: string;
}

export class WriteConflict<T> extends Error {
  readonly reason: ConflictReason;
  readonly body: ConflictBody<T>;

  constructor(reason: ConflictReason, body: ConflictBody<T>, message: string) {
    super(message);
    this.name = 'WriteConflict';
    this.reason = reason;
    this.body = body;
  }
}

interface Result<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

const changedBySomeoneElse = defineMessage({
  id: 'admission.api.changedBySomeoneElse',
  defaultMessage: 'Changed by someone else',
});

/** Like unwrap, but a 409 becomes a WriteConflict carrying what the server sent (current values, matches). */
async function unwrapConflict<T, C = T>(call: Promise<Result<T>>): Promise<T> {
  const result = await call;
  if (result.response.status === 409 && typeof result.error === 'object' && result.error !== null) {
    const body = result.error as Record<string, unknown>;
    const reason = (body.reason ?? body.code) as ConflictReason;
    throw new WriteConflict<C>(
      reason,
      body as ConflictBody<C>,
      typeof body.detail === 'string' ? body.detail : currentIntl().formatMessage(changedBySomeoneElse),
    );
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}

export function registerPatient(body: PatientRegistration) {
  return unwrapConflict(api.POST('/api/patients', { body }));
}

export function checkDuplicates(body: Schemas['PatientDuplicateCheck']) {
  return unwrap(api.POST('/api/patients/duplicate-check', { body }));
}

export function episodesQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: admissionQueryKeys.episodes(patientId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/patients/{patientId}/episodes', { params: { path: { patientId } }, signal }),
        )
      ).items,
    refetchOnWindowFocus: false,
  });
}

export function admitPatient(patientId: string, body: Admission) {
  return unwrapConflict(
    api.POST('/api/patients/{patientId}/episodes', { params: { path: { patientId } }, body }),
  );
}

export function updateEpisode(patientId: string, episodeId: string, body: EpisodeUpdate) {
  return unwrapConflict<Episode>(
    api.PATCH('/api/patients/{patientId}/episodes/{episodeId}', {
      params: { path: { patientId, episodeId } },
      body,
    }),
  );
}

export function changeLevelOfCare(patientId: string, episodeId: string, body: LevelOfCareChangeInput) {
  return unwrapConflict<Episode>(
    api.POST('/api/patients/{patientId}/episodes/{episodeId}/level-of-care-changes', {
      params: { path: { patientId, episodeId } },
      body,
    }),
  );
}

export function dischargeEpisode(patientId: string, episodeId: string, body: Discharge) {
  return unwrapConflict<DischargeResult, Episode>(
    api.POST('/api/patients/{patientId}/episodes/{episodeId}/discharge', {
      params: { path: { patientId, episodeId } },
      body,
    }),
  );
}

export function intakeQueryOptions(patientId: string, episodeId: string) {
  return queryOptions({
    queryKey: admissionQueryKeys.intake(patientId, episodeId),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/patients/{patientId}/episodes/{episodeId}/intake', {
            params: { path: { patientId, episodeId } },
            signal,
          }),
        )
      ).items,
    refetchOnWindowFocus: false,
  });
}

export async function tickIntakeItem(
  patientId: string,
  episodeId: string,
  itemId: string,
  completion: { completedOn: string; note?: string | null } | null,
) {
  const path = { patientId, episodeId, itemId };
  const result =
    completion === null
      ? await unwrap(
          api.DELETE('/api/patients/{patientId}/episodes/{episodeId}/intake/{itemId}', { params: { path } }),
        )
      : await unwrap(
          api.POST('/api/patients/{patientId}/episodes/{episodeId}/intake/{itemId}', {
            params: { path },
            body: completion,
          }),
        );
  return result.items;
}

export const overdueIntakeQueryOptions = queryOptions({
  queryKey: admissionQueryKeys.overdue,
  queryFn: async ({ signal }) =>
    (await unwrap(api.GET('/api/intake/overdue', { params: { query: { limit: 50 } }, signal }))).items,
});

/** The ICD-10-CM F10-F19 catalogue as the clinician types (no patient data in the query). */
export function diagnosisSearchQueryOptions(q: string) {
  return queryOptions({
    queryKey: admissionQueryKeys.diagnoses(q),
    queryFn: async ({ signal }) =>
      (
        await unwrap(
          api.GET('/api/diagnoses', { params: { query: { q, limit: 15, billableOnly: 'true' } }, signal }),
        )
      ).items,
    enabled: q.trim().length >= 2,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
