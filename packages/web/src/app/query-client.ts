import { QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/problem.ts';
import { meQueryKey } from '../auth/api.ts';

const maxRetries = 2;

/** Client errors (4xx) will not heal by asking again; network failures and 5xx might. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < maxRetries;
}

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error) {
        // The session ended (expired or signed out elsewhere): forget the person, and the authenticated
        // layout sends the browser to the sign-in page with a way back.
        if (error instanceof ApiError && error.status === 401) queryClient.setQueryData(meQueryKey, null);
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
