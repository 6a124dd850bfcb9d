import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import { ApiError } from '../api/problem.ts';
import type { Me, SignInBody, SignInResult } from '../api/types.ts';

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

/** The password step: either signed in, or the person's second step (a code) comes next. */
export async function signIn(body: SignInBody): Promise<SignInResult> {
  return unwrap(api.POST('/api/auth/sign-in/email', { body }));
}

/** The second step: the code an authenticator app shows, or one of the person's recovery codes. */
export async function verifySecondStep(kind: 'totp' | 'recovery', code: string): Promise<void> {
  if (kind === 'totp') await unwrap(api.POST('/api/auth/two-factor/verify-totp', { body: { code } }));
  else await unwrap(api.POST('/api/auth/two-factor/verify-backup-code', { body: { code } }));
}

export async function signOut(): Promise<void> {
  await unwrap(api.POST('/api/auth/sign-out', { body: {} }));
}
