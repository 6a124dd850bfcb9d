import { defineMessages } from '@formatjs/intl';
import { DomainError, staffRoles } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requirePrincipal } from '../http/authorization.ts';
import { problemSchema } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { mustEnrolTwoFactor } from '../identity/principal.ts';
import { type Auth, sessionCookiePrefix } from './auth.ts';
import type { Authenticator } from './authenticate.ts';
import { copySetCookies, forward, relayFailure } from './better-auth-relay.ts';
import { passwordProblem } from './password-policy.ts';
import type { AccountSecurityService } from './security-service.ts';

/**
 * While a person whose role requires two-step verification has not set it up, the API serves only what
 * enrolment needs: who they are, the enrolment steps and signing out.
 */
const allowedBeforeEnrolment = new Set([
  'GET /api/me',
  'GET /api/me/security',
  'POST /api/auth/two-factor/enable',
  'POST /api/auth/two-factor/verify-totp',
  'POST /api/auth/sign-out',
  'POST /api/me/sessions/revoke-all',
  // The set-up is read in the person's language; choosing it discloses nothing.
  'PUT /api/me/language',
]);

const securitySchema = z
  .object({
    twoFactor: z.object({
      enabled: z.boolean(),
      required: z.boolean(),
      /** Required of the role and not set up: the API serves nothing else until it is. */
      enrolmentRequired: z.boolean(),
    }),
    session: z.object({
      /** The session ends after this long without a request; the web app signs out a little earlier. */
      idleTimeoutSeconds: z.number().int(),
      /** The session ends at this time however active it is. */
      expiresAt: z.iso.datetime().nullable(),
    }),
  })
  .meta({ id: 'AccountSecurity' });

const signInPolicySchema = z
  .object({ twoFactorRequiredRoles: z.array(z.enum(staffRoles)), version: z.number().int() })
  .meta({ id: 'SignInPolicy' });

const errors = defineMessages({
  staffRolesOnly: { id: 'auth.errors.staffRolesOnly', defaultMessage: 'Choose staff roles only' },
  eachRoleOnce: { id: 'auth.errors.eachRoleOnce', defaultMessage: 'Name each role once' },
  enterCurrentPassword: {
    id: 'auth.errors.enterCurrentPassword',
    defaultMessage: 'Enter your current password',
  },
  chooseNewPassword: { id: 'auth.errors.chooseNewPassword', defaultMessage: 'Choose a new password' },
  passwordTooLong: { id: 'auth.errors.passwordTooLong', defaultMessage: 'Use at most {maximum} characters' },
  enrolmentRequired: {
    id: 'auth.errors.twoFactorEnrolmentRequired',
    defaultMessage:
      'Your organization requires two-step verification for your role. Set it up on the Account security page before you continue.',
  },
  strongerPassword: { id: 'auth.errors.strongerPassword', defaultMessage: 'Choose a stronger password.' },
  currentPasswordWrong: {
    id: 'auth.errors.currentPasswordWrong',
    defaultMessage: 'The current password is not correct.',
  },
  noSuchOrganization: { id: 'auth.errors.noSuchOrganization', defaultMessage: 'No such organization.' },
});

const signInPolicyUpdate = z.object({
  twoFactorRequiredRoles: z
    .array(z.enum(staffRoles, { error: errors.staffRolesOnly.id }))
    .max(staffRoles.length)
    .refine((roles) => new Set(roles).size === roles.length, errors.eachRoleOnce.id),
  version: z.number().int().positive(),
});

const passwordChange = z.object({
  currentPassword: z
    .string({ error: errors.enterCurrentPassword.id })
    .min(1, errors.enterCurrentPassword.id)
    .max(256),
  newPassword: z.string({ error: errors.chooseNewPassword.id }).max(256, errors.passwordTooLong.id),
});

export interface SecurityRoutesOptions {
  auth: Auth;
  authenticator: Authenticator;
  publicUrl: string;
}

/**
 * The signed-in person's account security (two-step state, session timing, sign-out everywhere, password) and the
 * organization's sign-in policy; plus the hook that holds people at two-step enrolment when their role requires it.
 * Registered without encapsulation so that the hook guards every route.
 */
export function securityRoutes(
  options: SecurityRoutesOptions,
  service: AccountSecurityService,
): FastifyPluginAsyncZod {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.addHook('preValidation', async (request) => {
      const principal = request.principal;
      if (principal === null || !mustEnrolTwoFactor(principal) || !request.url.startsWith('/api/')) return;
      if (allowedBeforeEnrolment.has(`${request.method} ${request.routeOptions.url}`)) return;
      throw new DomainError('forbidden', errors.enrolmentRequired, {
        details: { reason: 'two_factor_enrolment_required' },
      });
    });

    app.get(
      '/api/me/security',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: "The signed-in person's two-step verification state and session timing",
          response: { 200: securitySchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const principal = requirePrincipal(request);
        const twoFactor = principal.twoFactor ?? { enabled: false, required: false };
        return {
          twoFactor: { ...twoFactor, enrolmentRequired: mustEnrolTwoFactor(principal) },
          session: {
            idleTimeoutSeconds: options.authenticator.idleTimeoutSeconds,
            expiresAt: principal.sessionExpiresAt?.toISOString() ?? null,
          },
        };
      },
    );

    app.post(
      '/api/me/sessions/revoke-all',
      {
        config: { access: 'signed-in' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out everywhere: end every session of the signed-in person, this one included',
          body: z.object({}).optional(),
          response: { 200: z.object({ revoked: z.number().int() }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const context = recordContext(request);
        const revoked = await service.revokeAllSessions(context);
        options.authenticator.forgetUser(context.principal.userId);
        options.authenticator.forgetCookie(request.headers.cookie);
        reply.header('set-cookie', clearedSessionCookies(request.headers.cookie));
        return { revoked };
      },
    );

    // better-auth's own /change-password is served by the same handler: its revokeOtherSessions creates a session
    // inside a transaction, whose hook then waits for a second connection that PGlite does not have.
    for (const url of ['/api/me/password', '/api/auth/change-password']) {
      app.post(
        url,
        {
          config: { access: 'signed-in' },
          schema: {
            tags: ['auth'],
            summary:
              'Change the password (at least 12 characters, not a common password, not built on the email); ends the other sessions',
            hide: url !== '/api/me/password',
            body: passwordChange,
            response: { 200: z.object({ success: z.boolean() }), '4xx': problemSchema },
          },
        },
        async (request, reply) => {
          const principal = requirePrincipal(request);
          const problem = passwordProblem(request.body.newPassword, principal.email);
          if (problem !== undefined) {
            throw new DomainError('invalid_input', errors.strongerPassword, {
              fieldErrors: [{ path: 'body.newPassword', message: problem }],
            });
          }
          const response = await forward(request, {
            ...options,
            path: '/api/auth/change-password',
            body: {
              currentPassword: request.body.currentPassword,
              newPassword: request.body.newPassword,
              revokeOtherSessions: false,
            },
          });
          if (!response.ok) {
            const code = (
              (await response
                .clone()
                .json()
                .catch(() => ({}))) as { code?: string }
            ).code;
            if (code === 'INVALID_PASSWORD') {
              throw new DomainError('invalid_input', errors.currentPasswordWrong, {
                fieldErrors: [{ path: 'body.currentPassword', message: errors.currentPasswordWrong }],
              });
            }
            return relayFailure(request, reply, response);
          }
          copySetCookies(response, reply);
          await service.endOtherSessionsAfterPasswordChange(recordContext(request));
          options.authenticator.forgetUser(principal.userId);
          return { success: true };
        },
      );
    }

    app.get(
      '/api/organization/sign-in-policy',
      {
        config: { access: { resource: 'organization_settings', action: 'read' } },
        schema: {
          tags: ['organization'],
          summary: 'Which staff roles must use two-step verification (administrators)',
          response: { 200: signInPolicySchema, '4xx': problemSchema },
        },
      },
      async (request) => {
        const policy = await service.signInPolicy(recordContext(request));
        if (policy === undefined) throw new DomainError('not_found', errors.noSuchOrganization);
        return policy;
      },
    );

    app.put(
      '/api/organization/sign-in-policy',
      {
        config: { access: { resource: 'organization_settings', action: 'update' } },
        schema: {
          tags: ['organization'],
          summary:
            'Set which staff roles must use two-step verification; refused with 409 and the current setting if stale',
          body: signInPolicyUpdate,
          response: { 200: signInPolicySchema, '4xx': problemSchema },
        },
      },
      async (request) => service.updateSignInPolicy(recordContext(request), request.body),
    );
  };
  // Not encapsulated (what fastify-plugin does): the enrolment hook must see every route of the app.
  (plugin as unknown as Record<symbol, boolean>)[Symbol.for('skip-override')] = true;
  return plugin;
}

/** Expires the session cookie the browser sent (its name depends on whether Tandem runs behind https). */
function clearedSessionCookies(cookieHeader: string | undefined): string[] {
  const names = [`${sessionCookiePrefix}.session_token`, `__Secure-${sessionCookiePrefix}.session_token`];
  const sent = (cookieHeader ?? '').split(';').map((part) => part.trim().split('=')[0] ?? '');
  return names
    .filter((name) => sent.includes(name))
    .map(
      (name) =>
        `${name}=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax${name.startsWith('__Secure-') ? '; Secure' : ''}`,
    );
}
