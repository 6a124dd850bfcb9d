import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type OutboxMessage = components['schemas']['OutboxMessage'];

export const outboxQueryOptions = queryOptions({
  queryKey: ['outbox'] as const,
  queryFn: async ({ signal }) => (await unwrap(api.GET('/api/outbox', { signal }))).items,
});
