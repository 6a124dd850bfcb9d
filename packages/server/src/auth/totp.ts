import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';

/**
 * TOTP helpers from better-auth's own OTP utility, the one its twoFactor plugin verifies codes with: the demo
 * admin's printed secret, and codes for tests. A secret here is what better-auth stores (a string used as its
 * UTF-8 bytes, or raw bytes); authenticator apps see it base32-encoded inside the otpauth:// URI.
 */
export const totpIssuer = 'Tandem';

export type TotpSecret = string | Uint8Array;

export function totpUri(secret: TotpSecret, account: string): string {
  return createOTP(secret).url(totpIssuer, account);
}

/** The secret as an authenticator app's "enter a setup key" field wants it. */
export function base32Secret(secret: TotpSecret): string {
  return base32.encode(typeof secret === 'string' ? new TextEncoder().encode(secret) : secret, {
    padding: false,
  });
}

/** The secret inside an otpauth:// URI (as returned when enrolment starts). */
export function secretFromTotpUri(uri: string): Uint8Array {
  const encoded = new URL(uri).searchParams.get('secret');
  if (encoded === null) throw new Error('The otpauth URI carries no secret');
  return base32.decode(encoded);
}

/** The code an authenticator app shows right now. */
export function currentTotpCode(secret: TotpSecret): Promise<string> {
  return createOTP(secret).totp();
}
