import { timingSafeEqual } from 'node:crypto';
import { createOTP } from '@better-auth/utils/otp';
import { symmetricDecrypt } from 'better-auth/crypto';
import type { Auth } from './auth.ts';
import type { TotpStepRepository } from './totp-step-repository.ts';

/** better-auth's twoFactor defaults, which Tandem keeps: 30-second steps, and one step either side accepted. */
export const totpPeriodSeconds = 30;
const acceptedSkew = [-1, 0, 1] as const;

export type TotpClaim =
  | { kind: 'claimed'; release(): Promise<void> }
  /** The code's step is not newer than the last one accepted: the code was used already. */
  | { kind: 'replayed' }
  /** The code matches no step better-auth would accept: better-auth refuses it and counts the failure. */
  | { kind: 'unmatched' };

/** The time step of a moment (RFC 6238's T). */
export function totpStepAt(milliseconds: number): number {
  return Math.floor(milliseconds / (totpPeriodSeconds * 1000));
}

/**
 * RFC 6238 §5.2: a verifier must not accept the same code twice. better-auth's twoFactor plugin verifies codes but
 * remembers none, so before a code reaches it the relay finds the code's time step (with better-auth's own OTP
 * utility and the secret it stores) and claims it for the user; a step not newer than the last one claimed is a
 * replay and is refused. If better-auth then refuses the code anyway, the claim is given back.
 */
export function totpReplayGuard(options: {
  auth: Auth;
  steps: () => TotpStepRepository;
  now?: () => number;
}) {
  const now = options.now ?? Date.now;
  return {
    async claim(userId: string, code: string): Promise<TotpClaim> {
      const steps = options.steps();
      const encrypted = await steps.encryptedSecretOf(userId);
      if (encrypted === undefined) return { kind: 'unmatched' };
      const secret = await symmetricDecrypt({
        key: (await options.auth.$context).secretConfig,
        data: encrypted,
      });
      const step = await stepOfCode(secret, code, totpStepAt(now()));
      if (step === undefined) return { kind: 'unmatched' };
      const claimed = await steps.claimStep(userId, step);
      if (claimed === undefined) return { kind: 'replayed' };
      return { kind: 'claimed', release: () => steps.releaseStep(userId, step, claimed.previous) };
    },
  };
}

export type TotpReplayGuard = ReturnType<typeof totpReplayGuard>;

async function stepOfCode(secret: string, code: string, currentStep: number): Promise<number | undefined> {
  const otp = createOTP(secret);
  let matched: number | undefined;
  // Every candidate is computed and compared in constant time, so the answer's timing tells nothing.
  for (const skew of acceptedSkew) {
    const candidate = await otp.hotp(currentStep + skew);
    if (candidate.length === code.length && timingSafeEqual(Buffer.from(candidate), Buffer.from(code))) {
      matched = currentStep + skew;
    }
  }
  return matched;
}
