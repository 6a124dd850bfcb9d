import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/** The only SQL of TOTP replay protection: each user's last accepted time step (migration 0013). */
export function totpStepRepository(db: Kysely<DB>) {
  return {
    /** The user's authenticator secret as better-auth stores it (encrypted), if they have one. */
    async encryptedSecretOf(userId: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('twoFactors')
        .select('secret')
        .where('userId', '=', userId)
        .executeTakeFirst();
      return row?.secret;
    },

    /**
     * Moves the user's last accepted step to `step` if it is newer, in one statement (the row lock orders two
     * requests with the same code: the second finds the step taken). Returns the step it replaced, or undefined
     * when the step was not newer (a replayed code) or the user has no authenticator.
     */
    async claimStep(userId: string, step: number): Promise<{ previous: number | null } | undefined> {
      const result = await sql<{ previous: string | number | null }>`
        UPDATE two_factors SET last_totp_step = ${step}
        FROM (SELECT id, last_totp_step FROM two_factors WHERE user_id = ${userId} FOR UPDATE) AS before
        WHERE two_factors.id = before.id
          AND (before.last_totp_step IS NULL OR before.last_totp_step < ${step})
        RETURNING before.last_totp_step AS previous`.execute(db);
      const row = result.rows[0];
      if (row === undefined) return undefined;
      return { previous: row.previous === null ? null : Number(row.previous) };
    },

    /** Gives a claimed step back when better-auth refused the code after all (only if nothing newer came since). */
    async releaseStep(userId: string, step: number, previous: number | null): Promise<void> {
      await db
        .updateTable('twoFactors')
        .set({ lastTotpStep: previous })
        .where('userId', '=', userId)
        .where('lastTotpStep', '=', step)
        .execute();
    },
  };
}

export type TotpStepRepository = ReturnType<typeof totpStepRepository>;
