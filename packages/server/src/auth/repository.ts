import type { Role } from '@tandem/core';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { ActivityWrite } from './session-activity.ts';
import { afterFailure, ruleFor, type ThrottleState } from './sign-in-throttle.ts';

export interface AccountMembership {
  userId: string;
  organizationId: string;
  role: Role;
}

type Executor = Kysely<DB> | Transaction<DB>;

/** The only SQL of sign-in hardening: session activity and ends, failed sign-in counters, audit targets. */
export function authRepository(db: Kysely<DB>) {
  return {
    db,

    /** Moves each session's stored activity forward (never back: another process may have written later). */
    async recordActivity(entries: readonly ActivityWrite[]): Promise<void> {
      if (entries.length === 0) return;
      const ids = entries.map((entry) => entry.sessionId);
      const times = entries.map((entry) => entry.at.toISOString());
      await sql`
        UPDATE sessions SET last_active_at = activity.at
        FROM unnest(${ids}::uuid[], ${times}::timestamptz[]) AS activity (id, at)
        WHERE sessions.id = activity.id AND sessions.last_active_at < activity.at`.execute(db);
    },

    async deleteSession(trx: Executor, sessionId: string): Promise<void> {
      await trx.deleteFrom('sessions').where('id', '=', sessionId).execute();
    },

    /** Ends a person's sessions: all, those working in one organization, or all but one. Returns how many. */
    async deleteSessionsOfUser(
      trx: Executor,
      userId: string,
      organizationId?: string,
      exceptSessionId?: string,
    ): Promise<number> {
      let query = trx.deleteFrom('sessions').where('userId', '=', userId);
      if (organizationId !== undefined) query = query.where('activeOrganizationId', '=', organizationId);
      if (exceptSessionId !== undefined) query = query.where('id', '<>', exceptSessionId);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Keys among these that are locked now, with when each lock ends. */
    async locks(keys: readonly string[], now: Date): Promise<{ key: string; lockedUntil: Date }[]> {
      const rows = await db
        .selectFrom('signInThrottles')
        .select(['key', 'lockedUntil'])
        .where('key', 'in', keys)
        .where('lockedUntil', '>', now)
        .execute();
      return rows.map((row) => ({ key: row.key, lockedUntil: new Date(row.lockedUntil as Date) }));
    },

    /** Counts one failure against the key under its row lock; returns the new state. */
    async recordFailure(trx: Transaction<DB>, key: string, now: Date): Promise<ThrottleState> {
      await trx
        .insertInto('signInThrottles')
        .values({ key, failures: 0, windowStartedAt: now })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .execute();
      const row = await trx
        .selectFrom('signInThrottles')
        .select(['failures', 'windowStartedAt', 'lockedUntil'])
        .where('key', '=', key)
        .forUpdate()
        .executeTakeFirstOrThrow();
      const current: ThrottleState | undefined =
        row.failures === 0
          ? undefined
          : {
              failures: row.failures,
              windowStartedAt: new Date(row.windowStartedAt),
              lockedUntil: row.lockedUntil === null ? null : new Date(row.lockedUntil),
            };
      const next = afterFailure(current, now, ruleFor(key));
      await trx
        .updateTable('signInThrottles')
        .set({ ...next, updatedAt: now })
        .where('key', '=', key)
        .execute();
      return next;
    },

    async clearFailures(key: string): Promise<void> {
      await db.deleteFrom('signInThrottles').where('key', '=', key).execute();
    },

    /** Where events about this person's sign-ins belong: their active memberships. */
    async membershipsOfEmail(email: string): Promise<AccountMembership[]> {
      const rows = await db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.userId', 'users.id')
        .select(['users.id as userId', 'memberships.organizationId', 'memberships.role'])
        .where('users.email', '=', email.trim().toLowerCase())
        .where('memberships.deactivatedAt', 'is', null)
        .execute();
      return rows.map((row) => ({ ...row, role: row.role as Role }));
    },

    async membershipsOfUser(userId: string): Promise<AccountMembership[]> {
      const rows = await db
        .selectFrom('memberships')
        .select(['userId', 'organizationId', 'role'])
        .where('userId', '=', userId)
        .where('deactivatedAt', 'is', null)
        .execute();
      return rows.map((row) => ({ ...row, role: row.role as Role }));
    },

    /** Which staff roles the organization requires two-step verification of. */
    async signInPolicy(organizationId: string) {
      return db
        .selectFrom('organizations')
        .select(['twoFactorRequiredRoles', 'version'])
        .where('id', '=', organizationId)
        .executeTakeFirst();
    },

    /** Changes the setting if nobody changed the organization since `version`; undefined means stale. */
    async updateSignInPolicy(
      trx: Transaction<DB>,
      organizationId: string,
      change: { twoFactorRequiredRoles: readonly string[]; version: number },
    ) {
      return trx
        .updateTable('organizations')
        .set({
          twoFactorRequiredRoles: [...change.twoFactorRequiredRoles],
          version: sql<number>`version + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('id', '=', organizationId)
        .where('version', '=', change.version)
        .returning(['twoFactorRequiredRoles', 'version'])
        .executeTakeFirst();
    },

    /** The account an email signs in to, if any (users are global; the email is stored lower-cased). */
    async accountOfEmail(email: string): Promise<{ userId: string; email: string } | undefined> {
      const row = await db
        .selectFrom('users')
        .select(['id as userId', 'email'])
        .where('email', '=', email.trim().toLowerCase())
        .executeTakeFirst();
      return row;
    },

    /** A staff member's sign-in, if they have one (for an administrator's password reset). */
    async staffAccount(trx: Executor, organizationId: string, staffMemberId: string) {
      return trx
        .selectFrom('staffMembers as s')
        .leftJoin('users as u', 'u.id', 's.userId')
        .select(['s.id', 's.displayName', 's.active', 'u.id as userId', 'u.email'])
        .where('s.organizationId', '=', organizationId)
        .where('s.id', '=', staffMemberId)
        .executeTakeFirst();
    },

    /**
     * Stores a password reset token the way better-auth's /reset-password looks it up (a verification value
     * "reset-password:<token>" holding the user id), so that better-auth sets the password and consumes it.
     */
    async insertPasswordResetToken(
      trx: Transaction<DB>,
      reset: { userId: string; token: string; expiresAt: Date },
    ): Promise<void> {
      await trx
        .insertInto('verifications')
        .values({
          identifier: `reset-password:${reset.token}`,
          value: reset.userId,
          expiresAt: reset.expiresAt,
        })
        .execute();
    },

    /** The account a live password reset token is for. */
    async accountOfPasswordResetToken(token: string): Promise<{ userId: string; email: string } | undefined> {
      const verification = await db
        .selectFrom('verifications')
        .select('value')
        .where('identifier', '=', `reset-password:${token}`)
        .where('expiresAt', '>', new Date())
        .executeTakeFirst();
      if (verification === undefined || !/^[0-9a-f-]{36}$/i.test(verification.value)) return undefined;
      return db
        .selectFrom('users')
        .select(['id as userId', 'email'])
        .where('id', '=', verification.value)
        .executeTakeFirst();
    },

    /** The person a pending two-step challenge belongs to (better-auth keeps it as a verification value). */
    async userOfTwoFactorChallenge(identifier: string): Promise<string | undefined> {
      const row = await db
        .selectFrom('verifications')
        .select('value')
        .where('identifier', '=', identifier)
        .where('expiresAt', '>', new Date())
        .executeTakeFirst();
      return row?.value;
    },
  };
}

export type AuthRepository = ReturnType<typeof authRepository>;
