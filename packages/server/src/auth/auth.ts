import { betterAuth } from 'better-auth';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';

export const sessionCookiePrefix = 'tandem';
export const minimumPasswordLength = 12;
/** Set by the server from the socket address (never taken from the client) for better-auth's rate limiter. */
export const clientIpHeader = 'x-tandem-client-ip';

export interface AuthOptions {
  pool: pg.Pool;
  secret: string;
  publicUrl: string;
  /** Looks up the organization a new session starts in (the user's oldest active membership). */
  defaultOrganizationFor(userId: string): Promise<string | null>;
}

/**
 * better-auth owns passwords (its default scrypt hash), sessions in the database and the session cookie
 * (HTTP-only, SameSite=Lax, Secure behind https). Public sign-up is off: staff are created by an admin or the CLI.
 */
export function createAuth(options: AuthOptions) {
  const timestamps = { createdAt: 'created_at', updatedAt: 'updated_at' } as const;
  return betterAuth({
    appName: 'Tandem',
    baseURL: options.publicUrl,
    basePath: '/api/auth',
    secret: options.secret,
    trustedOrigins: [options.publicUrl],
    database: options.pool,
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: minimumPasswordLength,
      maxPasswordLength: 256,
    },
    session: {
      modelName: 'sessions',
      expiresIn: 60 * 60 * 12,
      updateAge: 60 * 15,
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
      customRules: { '/sign-in/email': { window: 60, max: 30 } },
    },
    databaseHooks: {
      session: {
        create: {
          before: async (session) => ({
            data: { ...session, activeOrganizationId: await options.defaultOrganizationFor(session.userId) },
          }),
        },
      },
    },
    telemetry: { enabled: false },
    // Failed sign-ins are answered to the client and counted by the rate limiter; only faults reach the log.
    logger: { level: 'error' },
  });
}

export type Auth = ReturnType<typeof createAuth>;
