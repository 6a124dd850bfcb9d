import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';
import { patientQueryKeys } from '../patients/api.ts';

export type CareTeam = components['schemas']['CareTeam'];
export type CareTeamPlace = components['schemas']['CareTeamPlace'];
export type CareTeamAssignment = components['schemas']['CareTeamAssignment'];
export type TherapistSuggestions = components['schemas']['TherapistSuggestions'];
export type TherapistSuggestion = components['schemas']['TherapistSuggestion'];

export const careTeamQueryKeys = {
  all: ['care-team'] as const,
  team: (patientId: string) => [...careTeamQueryKeys.all, 'team', patientId] as const,
  suggestions: (patientId: string) => [...careTeamQueryKeys.all, 'suggestions', patientId] as const,
};

/** Every read is audited: no refetch just because the window regained focus. */
export function careTeamQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: careTeamQueryKeys.team(patientId),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/patients/{patientId}/care-team', { params: { path: { patientId } }, signal })),
    refetchOnWindowFocus: false,
  });
}

export function therapistSuggestionsQueryOptions(patientId: string) {
  return queryOptions({
    queryKey: careTeamQueryKeys.suggestions(patientId),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/api/patients/{patientId}/therapist-suggestions', {
          params: { path: { patientId } },
          signal,
        }),
      ),
    refetchOnWindowFocus: false,
    staleTime: 0,
  });
}

export function assignCareTeamPlace(patientId: string, body: CareTeamAssignment) {
  return unwrap(api.POST('/api/patients/{patientId}/care-team', { params: { path: { patientId } }, body }));
}

export function endCareTeamPlace(
  patientId: string,
  memberId: string,
  body: { reason: string; version: number },
) {
  return unwrap(
    api.POST('/api/patients/{patientId}/care-team/{memberId}/end', {
      params: { path: { patientId, memberId } },
      body,
    }),
  );
}

/** After a change of the team: the team, the ranking (caseloads moved) and the record (its access facts). */
export function invalidateAfterTeamChange(queryClient: QueryClient, patientId: string) {
  void queryClient.invalidateQueries({ queryKey: careTeamQueryKeys.team(patientId) });
  void queryClient.invalidateQueries({ queryKey: careTeamQueryKeys.suggestions(patientId) });
  void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
}
