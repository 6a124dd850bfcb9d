import { englishOf } from '@tandem/core';
import { betterAuth } from 'better-auth';
import { APIError, createAuthMiddleware, getSessionFromCtx } from 'better-auth/api';
import { twoFactor } from 'better-auth/plugins/two-factor';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import { minimumPasswordLength, passwordProblem } from './password-policy.ts';
import { totpIssuer } from './totp.ts';

export { minimumPasswordLength };
export const sessionCookiePrefix = 'tandem';
/** Failed second-factor codes in a row (across sign-ins) before the account's second step locks. */
export const twoFactorLockout = { maxFailedAttempts: 5, durationSeconds: 15 * 60 } as const;
/** Set by the server from the socket address (never taken from the client) for better-auth's rate limiter. */
export const clientIpHeader = 'x-tandem-client-ip';

export interface AuthOptions {
  pool: pg.Pool;
  secret: string;
  publicUrl: string;
  /** Absolute session lifetime (default 12): not extended by activity (idle time is watched separately). */
  sessionMaxHours?: number;
  /** Looks up the organization a new session starts in (the user's oldest active membership). */
  defaultOrganizationFor(userId: string): Promise<string | null>;
}

/**
 * better-auth endpoints Tandem closes (404): a person's name and email are identity that the audit trail, the
 * staff directory and the portal rely on, so they change only through Tandem's own audited routes, never
 * through the library's generic updates (security review, issue 12, finding 3). Accounts are never deleted
 * (the audit trail refers to them); access ends by deactivating the membership.
 */
export const closedAuthPaths = ['/update-user', '/change-email', '/delete-user', '/delete-user/callback'];

/**
 * better-auth owns passwords (its default scrypt hash), sessions in the database and the session cookie
 * (HTTP-only, SameSite=Lax, Secure behind https), and TOTP two-factor with recovery codes (its twoFactor plugin:
 * secrets and codes encrypted with the auth secret). Public sign-up is off: staff are created by an admin or the
 * CLI.
 */
export function createAuth(options: AuthOptions) {
  const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;
  return betterAuth({
    appName: 'Tandem',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.publicUrl],
    disabledPaths: closedAuthPaths,
    database: options.pool,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: minimumPasswordLength,
      maxPasswordLength: 256,
      // A password chosen with a reset link (auth/password-reset-routes.ts) ends every session of the account.
      revokeSessionsOnPasswordReset: true,
    },
    session: {
      modelName: 'sessions',
      expiresIn: Math.round((options.sessionMaxHours ?? 12) * 60 * 60),
      // An absolute lifetime: activity does not push expiresAt back (idle timeout: src/auth/authenticate.ts).
      disableSessionRefresh: true,
      fields: {
        userId: 'user_id',
        expiresAt: 'expires_at',
        ipAddress: 'ip_address',
        userAgent: 'user_agent',
        ...timestamps,
      },
      additionalFields: {
        activeOrganizationId: {
          type: 'string',
          required: false,
          input: false,
          fieldName: 'active_organization_id',
        },
      },
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', ...timestamps },
    },
    account: {
      modelName: 'accounts',
      fields: {
        userId: 'user_id',
        accountId: 'account_id',
        providerId: 'provider_id',
        accessToken: 'access_token',
        refreshToken: 'refresh_token',
        idToken: 'id_token',
        accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at',
        ...timestamps,
      },
    },
    verification: {
      modelName: 'verifications',
      fields: { expiresAt: 'expires_at', ...timestamps },
    },
    advanced: {
      cookiePrefix: sessionCookiePrefix,
      useSecureCookies: options.publicUrl.startsWith('https://'),
      database: { generateId: () => uuidv7() },
      ipAddress: { ipAddressHeaders: [clientIpHeader] },
    },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 300,
      // Lockout after repeated failures is Tandem's own (src/auth/sign-in-throttle.ts); these only cap bursts.
      customRules: {
        '/sign-in/email': { window: 60, max: 30 },
        '/two-factor/*': { window: 60, max: 30 },
      },
    },
    plugins: [
      twoFactor({
        issuer: totpIssuer,
        accountLockout: { enabled: true, ...twoFactorLockout },
        backupCodeOptions: { amount: 10, length: 10 },
        schema: {
          user: { fields: { twoFactorEnabled: 'two_factor_enabled' } },
          twoFactor: {
            modelName: 'two_factors',
            fields: {
              userId: 'user_id',
              backupCodes: 'backup_codes',
              failedVerificationCount: 'failed_verification_count',
              lockedUntil: 'locked_until',
            },
          },
        },
      }),
    ],
    hooks: {
      // The password policy also holds for better-auth's own change-password endpoint.
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/change-password') return;
        const newPassword = (ctx.body as { newPassword?: unknown } | undefined)?.newPassword;
        const session = await getSessionFromCtx(ctx);
        if (typeof newPassword !== 'string' || session === null) return;
        const problem = passwordProblem(newPassword, session.user.email);
        if (problem !== undefined)
          throw new APIError('BAD_REQUEST', { message: englishOf(problem), code: 'WEAK_PASSWORD' });
      }),
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => {
            const activeOrganizationId = await options.defaultOrganizationFor(session.userId);
            // A deactivated person (no active membership anywhere) gets no session at all.
            if (activeOrganizationId === null) {
              throw new APIError('FORBIDDEN', {
                message: 'This account is not active. Ask your administrator.',
                code: 'ACCOUNT_INACTIVE',
              });
            }
            return { data: { ...session, activeOrganizationId } };
          },
        },
      },
    },
    telemetry: { enabled: false },
    // Failed sign-ins are answered to the client and counted by the rate limiter; only faults reach the log.
    logger: { level: 'error' },
  });
}

export type Auth = ReturnType<typeof createAuth>;
