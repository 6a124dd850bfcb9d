import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type Alert = components['schemas']['Alert'];

export const alertQueryKeys = { mine: ['alerts', 'mine'] as const };

/** The caller's unresolved alerts; polled, so that a new risk signal shows without a reload. */
export const myAlertsQueryOptions = queryOptions({
  queryKey: alertQueryKeys.mine,
  queryFn: ({ signal }) => unwrap(api.GET('/api/alerts', { signal })).then((list) => list.alerts),
  refetchInterval: 60_000,
  refetchOnWindowFocus: false,
});

export function acknowledgeAlert(alert: Alert) {
  return unwrap(
    api.POST('/api/alerts/{alertId}/acknowledge', {
      params: { path: { alertId: alert.id } },
      body: { version: alert.version },
    }),
  );
}

export function resolveAlert(alert: Alert, resolution: string) {
  return unwrap(
    api.POST('/api/alerts/{alertId}/resolve', {
      params: { path: { alertId: alert.id } },
      body: { version: alert.version, resolution },
    }),
  );
}
