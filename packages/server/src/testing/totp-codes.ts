import { createOTP } from '@better-auth/utils/otp';
import type { Kysely } from 'kysely';
import type { TotpSecret } from '../auth/totp.ts';
import { totpPeriodSeconds, totpStepAt } from '../auth/totp-replay.ts';
import type { DB } from '../db/schema.generated.ts';

/**
 * A code Tandem will accept from this person now: each code works once (src/auth/totp-replay.ts), so after a
 * sign-in in this time step it is the next step's code (accepted one step early), and after that one it waits
 * for the step to come, as a person would wait for their app's next code.
 */
export async function unusedTotpCode(db: Kysely<DB>, email: string, secret: TotpSecret): Promise<string> {
  const row = await db
    .selectFrom('twoFactors')
    .innerJoin('users', 'users.id', 'twoFactors.userId')
    .select('twoFactors.lastTotpStep')
    .where('users.email', '=', email)
    .executeTakeFirst();
  const lastUsed = row?.lastTotpStep === null || row === undefined ? null : Number(row.lastTotpStep);
  let step = totpStepAt(Date.now());
  if (lastUsed !== null && lastUsed >= step) {
    step = lastUsed + 1;
    const acceptedFrom = (step - 1) * totpPeriodSeconds * 1000;
    const wait = acceptedFrom - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 100));
  }
  return createOTP(secret).hotp(step);
}
