import { defineMessages } from '@formatjs/intl';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { problemInstance, problemSchema, problemType, sendProblem } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { Auth } from './auth.ts';
import type { Authenticator } from './authenticate.ts';
import {
  copySetCookies,
  forward,
  originOf,
  relayFailure,
  withoutSessionTokens,
} from './better-auth-relay.ts';
import type { AuthRepository } from './repository.ts';
import { auditForMemberships, auditPrincipalEvent } from './security-audit.ts';
import {
  auditSignIn,
  failedSecondStep,
  recordFailedSignIn,
  sendLocked,
  sendUsedCode,
  userOfChallenge,
} from './sign-in-audit.ts';
import { accountKey, ipKey } from './sign-in-throttle.ts';
import { totpReplayGuard } from './totp-replay.ts';
import { totpStepRepository } from './totp-step-repository.ts';

const errors = defineMessages({
  enterEmail: { id: 'auth.errors.enterEmail', defaultMessage: 'Enter an email address' },
  enterPassword: { id: 'auth.errors.enterPassword', defaultMessage: 'Enter your password' },
  enterCode: {
    id: 'auth.errors.enterCode',
    defaultMessage: 'Enter the 6-digit code from your authenticator app',
  },
  enterRecoveryCode: {
    id: 'auth.errors.enterRecoveryCode',
    defaultMessage: 'Enter one of your recovery codes',
  },
  twoFactorRequiredTitle: {
    id: 'auth.errors.twoFactorRequiredTitle',
    defaultMessage: 'Two-step verification is required',
  },
  twoFactorRequired: {
    id: 'auth.errors.twoFactorRequired',
    defaultMessage:
      'Your organization requires two-step verification for your role, so it cannot be turned off.',
  },
});

const signInBody = z.object({
  email: z.email(errors.enterEmail.id).max(320),
  password: z.string({ error: errors.enterPassword.id }).min(1, errors.enterPassword.id).max(256),
  rememberMe: z.boolean().optional(),
});

const signedInUser = z.object({ id: z.string(), name: z.string(), email: z.string() });

const signInResult = z.union([
  z.object({ user: signedInUser }),
  z
    .object({
      twoFactorRequired: z.literal(true),
      /** The second steps this person can use: 'totp' (an authenticator app); a recovery code always works. */
      methods: z.array(z.string()),
    })
    .meta({ description: 'The password was right; send a code to /api/auth/two-factor/verify-totp next' }),
]);

const totpCodeBody = z.object({
  code: z
    .string({ error: errors.enterCode.id })
    .trim()
    .regex(/^\d{6}$/, errors.enterCode.id),
});
const recoveryCodeBody = z.object({
  code: z.string({ error: errors.enterRecoveryCode.id }).trim().min(1, errors.enterRecoveryCode.id).max(64),
});
const passwordBody = z.object({
  password: z.string({ error: errors.enterPassword.id }).min(1, errors.enterPassword.id).max(256),
});

/**
 * better-auth's endpoints, mounted under /api/auth. Sign-in, its second step, two-step enrolment and sign-out are
 * declared with schemas so they appear in the OpenAPI document, and pass through Tandem's lockout and audit trail;
 * everything else better-auth serves passes through the catch-all.
 */
export function authRoutes(options: {
  auth: Auth;
  authenticator: Authenticator;
  publicUrl: string;
  records: RecordKernel;
}) {
  const { records } = options;
  const repository = (): AuthRepository => {
    const found = options.authenticator.repository;
    if (found === undefined) throw new Error('Sign-in needs the authenticator to have a session repository');
    return found;
  };

  const replayGuard = totpReplayGuard({
    auth: options.auth,
    steps: () => totpStepRepository(repository().db),
  });

  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.post(
      '/api/auth/sign-in/email',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary:
            'Sign in with email and password; sets the HTTP-only session cookie, or asks for the two-step code',
          description:
            'After 5 failed attempts for one email (or 20 from one address) within 15 minutes, sign-in is refused with 429 for 15 minutes, whether or not the account exists.',
          body: signInBody,
          response: { 200: signInResult, '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const keys = [accountKey(request.body.email), ipKey(request.ip)];
        const locks = await repository().locks(keys, now);
        if (locks.length > 0) {
          const until = Math.max(...locks.map((lock) => lock.lockedUntil.getTime()));
          return sendLocked(request, reply, until - now.getTime());
        }
        const response = await forward(request, options);
        if (response.status === 401) {
          await recordFailedSignIn(records, repository(), request, request.body.email, keys, now);
          return relayFailure(request, reply, response);
        }
        if (!response.ok) return relayFailure(request, reply, response);
        await repository().clearFailures(keys[0] as string);
        copySetCookies(response, reply);
        const body = (await response.json()) as {
          user?: z.infer<typeof signedInUser>;
          twoFactorRedirect?: boolean;
          twoFactorMethods?: string[];
        };
        if (body.twoFactorRedirect === true || body.user === undefined) {
          return { twoFactorRequired: true as const, methods: body.twoFactorMethods ?? [] };
        }
        await auditSignIn(records, repository(), request, body.user.id, 'password');
        // better-auth also returns the session token in the body; the browser needs only the cookie.
        return { user: { id: body.user.id, name: body.user.name, email: body.user.email } };
      },
    );

    const secondStep = (path: string, body: typeof totpCodeBody | typeof recoveryCodeBody, what: string) =>
      app.post(
        path,
        {
          config: { access: 'public' },
          schema: {
            tags: ['auth'],
            summary:
              what === 'authenticator code'
                ? 'Second sign-in step with the authenticator code (also confirms a new enrolment when signed in)'
                : 'Second sign-in step with a recovery code (each code works once)',
            body,
            response: { 200: z.object({ user: signedInUser }), '4xx': problemSchema },
          },
        },
        async (request, reply) => {
          const principal = request.principal;
          const challengeUser =
            principal === null ? await userOfChallenge(repository(), request.headers.cookie) : undefined;
          const userId = principal?.userId ?? challengeUser;
          const claim =
            what === 'authenticator code' && userId !== undefined
              ? await replayGuard.claim(userId, request.body.code)
              : undefined;
          if (claim?.kind === 'replayed') {
            if (challengeUser !== undefined) {
              await auditForMemberships(
                records,
                await repository().membershipsOfUser(challengeUser),
                originOf(request),
                [failedSecondStep('authenticator code used already')],
              );
            }
            return sendUsedCode(request, reply);
          }
          const response = await forward(request, options);
          if (!response.ok && claim?.kind === 'claimed') await claim.release();
          if (!response.ok) {
            if (challengeUser !== undefined && response.status !== 400) {
              await auditForMemberships(
                records,
                await repository().membershipsOfUser(challengeUser),
                originOf(request),
                [failedSecondStep(`wrong ${what}`)],
              );
            }
            return relayFailure(request, reply, response);
          }
          copySetCookies(response, reply);
          const result = (await response.json()) as { user: z.infer<typeof signedInUser> };
          if (principal === null) {
            await auditSignIn(records, repository(), request, result.user.id, `password and ${what}`);
          } else {
            // Enrolment confirmed: better-auth replaced the session (new cookie) to carry the new state.
            options.authenticator.forgetCookie(request.headers.cookie);
            options.authenticator.forgetUser(principal.userId);
            await auditPrincipalEvent(records, recordContext(request), {
              action: 'enable_two_factor',
              resourceType: 'user_account',
              resourceId: principal.userId,
              outcome: 'allowed',
              fieldsChanged: ['two_factor_enabled'],
            });
          }
          return { user: { id: result.user.id, name: result.user.name, email: result.user.email } };
        },
      );
    secondStep('/api/auth/two-factor/verify-totp', totpCodeBody, 'authenticator code');
    secondStep('/api/auth/two-factor/verify-backup-code', recoveryCodeBody, 'recovery code');

    app.post(
      '/api/auth/two-factor/enable',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary:
            'Start two-step enrolment: a new authenticator secret (otpauth URI) and recovery codes, shown once; confirm with verify-totp',
          body: passwordBody,
          response: {
            200: z.object({ totpUri: z.string(), backupCodes: z.array(z.string()) }),
            '4xx': problemSchema,
          },
        },
      },
      async (request, reply) => {
        const response = await forward(request, { ...options, body: { password: request.body.password } });
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        const body = (await response.json()) as { totpURI: string; backupCodes: string[] };
        return { totpUri: body.totpURI, backupCodes: body.backupCodes };
      },
    );

    app.post(
      '/api/auth/two-factor/disable',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Turn two-step verification off (refused where the organization requires it of the role)',
          body: passwordBody,
          response: { 200: z.object({ success: z.boolean() }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        if (principal.twoFactor?.required === true) {
          return sendProblem(reply, {
            type: problemType('two_factor_required'),
            title: errors.twoFactorRequiredTitle,
            status: 403,
            detail: errors.twoFactorRequired,
            code: 'two_factor_required',
            ...problemInstance(request),
            requestId: String(request.id),
          });
        }
        const response = await forward(request, options);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        options.authenticator.forgetCookie(request.headers.cookie);
        options.authenticator.forgetUser(principal.userId);
        await auditPrincipalEvent(records, recordContext(request), {
          action: 'disable_two_factor',
          resourceType: 'user_account',
          resourceId: principal.userId,
          outcome: 'allowed',
          fieldsChanged: ['two_factor_enabled'],
        });
        return { success: true };
      },
    );

    app.post(
      '/api/auth/two-factor/generate-backup-codes',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Replace the recovery codes with new ones (shown once; the old ones stop working)',
          body: passwordBody,
          response: { 200: z.object({ backupCodes: z.array(z.string()) }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const response = await forward(request, options);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        const body = (await response.json()) as { backupCodes: string[] };
        await auditPrincipalEvent(records, recordContext(request), {
          action: 'regenerate_recovery_codes',
          resourceType: 'user_account',
          resourceId: principal.userId,
          outcome: 'allowed',
          fieldsChanged: ['backup_codes'],
        });
        return { backupCodes: body.backupCodes };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out of this session and clear its cookie',
          body: z.object({}).optional(),
          response: { 200: z.object({ success: z.boolean() }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        const response = await forward(request, { ...options, body: {} });
        options.authenticator.forgetCookie(request.headers.cookie);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        if (principal !== null) {
          await auditPrincipalEvent(records, recordContext(request), {
            action: 'sign_out',
            resourceType: 'session',
            resourceId: principal.sessionId,
            outcome: 'allowed',
          });
        }
        return { success: true };
      },
    );

    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      config: { access: 'public' },
      schema: { hide: true },
      handler: async (request, reply) => {
        const response = await forward(request, options);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        reply.status(response.status);
        const type = response.headers.get('content-type');
        if (type !== null) reply.type(type);
        if (type?.startsWith('application/json') === true) {
          const text = await response.text();
          return reply.send(text === '' ? text : JSON.stringify(withoutSessionTokens(JSON.parse(text))));
        }
        return reply.send(await response.text());
      },
    });
  };
  return plugin;
}
