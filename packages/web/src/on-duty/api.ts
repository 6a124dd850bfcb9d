import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type OnDutyShift = components['schemas']['OnDutyShift'];
export type OnDutyShiftCreate = components['schemas']['OnDutyShiftCreate'];

export const onDutyQueryKeys = { roster: ['on-duty', 'roster'] as const };

/** Who is on duty now, then the shifts to come. */
export const onDutyRosterQueryOptions = queryOptions({
  queryKey: onDutyQueryKeys.roster,
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/on-duty', { signal }))).shifts,
  refetchInterval: 5 * 60_000,
});

export function addOnDutyShift(shift: OnDutyShiftCreate): Promise<OnDutyShift> {
  return unwrap(api.POST('/api/on-duty', { body: shift }));
}

export function endOnDutyShift(shift: OnDutyShift): Promise<OnDutyShift> {
  return unwrap(
    api.POST('/api/on-duty/{shiftId}/end', {
      params: { path: { shiftId: shift.id } },
      body: { version: shift.version },
    }),
  );
}
