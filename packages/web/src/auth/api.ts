import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import type { Me, SignInBody } from '../api/types.ts';

export const meQueryKey = ['me'] as const;

/** The signed-in person, or null when there is no session (401 is an answer here, not a failure). */
export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: async ({ signal }): Promise<Me | null> => {
    try {
      return await unwrap(api.GET('/api/me', { signal }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 5 * 60_000,
});

export async function signIn(body: SignInBody): Promise<void> {
  await unwrap(api.POST('/api/auth/sign-in/email', { body }));
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/sign-out', { body: {} }));
}
