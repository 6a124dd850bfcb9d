import { api, unwrap } from '../api/client.ts';

/** Asks for a link by mail; the answer is the same whether or not an account has the address. */
export async function requestPasswordReset(email: string): Promise<string> {
  return (await unwrap(api.POST('/api/auth/request-password-reset', { body: { email } }))).message;
}

/** Chooses the new password with the link's token; every session of the account ends. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await unwrap(api.POST('/api/auth/reset-password', { body: { token, newPassword } }));
}

/** An administrator sends a staff member a link (never shown to the administrator). */
export async function sendStaffPasswordReset(staffMemberId: string) {
  return unwrap(
    api.POST('/api/staff/{staffMemberId}/password-reset', { params: { path: { staffMemberId } }, body: {} }),
  );
}
