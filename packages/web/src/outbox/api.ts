import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { components } from '../api/schema.generated.ts';

export type OutboxMessage = components['schemas']['OutboxMessage'];
export type DeliveryState = OutboxMessage['delivery']['state'];

export const outboxQueryOptions = queryOptions({
  queryKey: ['outbox'] as const,
  queryFn: async ({ signal }) => unwrap(api.GET('/api/outbox', { signal })),
});

/** "Retry now" for a message whose delivery failed. */
export async function retryMessage(messageId: string): Promise<OutboxMessage> {
  return unwrap(api.POST('/api/outbox/{messageId}/retry', { params: { path: { messageId } } }));
}
