import { queryOptions } from '@tanstack/react-query';
import { api, unwrap } from '../api/client.ts';
import type { SignInPolicy } from '../api/types.ts';

export const securityQueryKey = ['me', 'security'] as const;

/** Two-step state and session timing of the signed-in person. */
export const securityQueryOptions = queryOptions({
  queryKey: securityQueryKey,
  queryFn: ({ signal }) => unwrap(api.GET('/api/me/security', { signal })),
  staleTime: 60_000,
});

export const signInPolicyQueryOptions = queryOptions({
  queryKey: ['organization', 'sign-in-policy'] as const,
  queryFn: ({ signal }) => unwrap(api.GET('/api/organization/sign-in-policy', { signal })),
});

export function startTwoFactorEnrolment(password: string) {
  return unwrap(api.POST('/api/auth/two-factor/enable', { body: { password } }));
}

/** Proves the first code from the newly added authenticator: two-step verification is on from then. */
export async function confirmTwoFactorEnrolment(code: string): Promise<void> {
  await unwrap(api.POST('/api/auth/two-factor/verify-totp', { body: { code } }));
}

export async function turnOffTwoFactor(password: string): Promise<void> {
  await unwrap(api.POST('/api/auth/two-factor/disable', { body: { password } }));
}

export function regenerateRecoveryCodes(password: string) {
  return unwrap(api.POST('/api/auth/two-factor/generate-backup-codes', { body: { password } }));
}

export function signOutEverywhere() {
  return unwrap(api.POST('/api/me/sessions/revoke-all', { body: {} }));
}

export async function changePassword(body: { currentPassword: string; newPassword: string }): Promise<void> {
  await unwrap(api.POST('/api/me/password', { body }));
}

export function updateSignInPolicy(body: SignInPolicy) {
  return unwrap(api.PUT('/api/organization/sign-in-policy', { body }));
}

/** Sends the browser's session a sign of life, so that the server's idle clock restarts. */
export async function keepSessionAlive(): Promise<void> {
  await unwrap(api.GET('/api/me/security'));
}
