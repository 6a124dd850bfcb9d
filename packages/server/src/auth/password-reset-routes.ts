import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemInstance, problemSchema, problemTitles, problemType, sendProblem } from '../http/problem.ts';
import { recordContext } from '../http/record-context.ts';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import type { Auth } from './auth.ts';
import type { Authenticator } from './authenticate.ts';
import { forward, originOf, relayFailure } from './better-auth-relay.ts';
import { passwordProblem } from './password-policy.ts';
import type { PasswordResetService } from './password-reset-service.ts';
import type { AuthRepository } from './repository.ts';

const errors = defineMessages<{
  enterEmail: NoValues;
  linkIncomplete: NoValues;
  chooseNewPassword: NoValues;
  notStaffMemberId: NoValues;
  linkExpired: NoValues;
  tooManyLinks: { minutes: number };
}>({
  enterEmail: { id: 'auth.errors.enterEmail', defaultMessage: 'Enter an email address' },
  linkIncomplete: {
    id: 'auth.errors.resetLinkIncomplete',
    defaultMessage: 'This link is not complete. Open the link from the message again.',
  },
  chooseNewPassword: { id: 'auth.errors.chooseNewPassword', defaultMessage: 'Choose a new password' },
  notStaffMemberId: { id: 'staff.errors.notStaffMemberId', defaultMessage: 'Not a staff member id' },
  linkExpired: {
    id: 'auth.errors.resetLinkExpired',
    defaultMessage: 'This link has expired or was used already. Ask for a new one from the sign-in page.',
  },
  tooManyLinks: {
    id: 'auth.errors.tooManyResetLinks',
    defaultMessage:
      'Too many links were asked for. Try again in {minutes, plural, one {# minute} other {# minutes}}, or ask your administrator.',
  },
});

const requestBody = z.object({ email: z.email(errors.enterEmail.id).max(320) });
const resetBody = z.object({
  token: z.string({ error: errors.linkIncomplete.id }).regex(/^[A-Za-z0-9_-]{43}$/, errors.linkIncomplete.id),
  newPassword: z.string({ error: errors.chooseNewPassword.id }).min(1, errors.chooseNewPassword.id).max(256),
});
const staffMemberParams = z.object({ staffMemberId: z.uuid(errors.notStaffMemberId.id) });

/** The one answer to a request, whether or not an account has this email. */
export const passwordResetAnswer =
  'If an account uses this email address, a link to choose a new password is on its way. It works for a limited time.';

const expiredLink = errors.linkExpired;

/** "Forgot password": asking for a link, choosing the new password with it, and an administrator's reset. */
export function passwordResetRoutes(options: {
  auth: Auth;
  authenticator: Authenticator;
  publicUrl: string;
  accounts: AuthRepository;
  service: PasswordResetService;
}): FastifyPluginAsyncZod {
  const { service, accounts } = options;
  return async (app) => {
    app.post(
      '/api/auth/request-password-reset',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary:
            'Ask for a link to choose a new password, sent by email; the same answer whether or not an account has the address',
          description:
            'After 5 requests for one email (or 20 from one address) within 15 minutes, requests are refused with 429 for 15 minutes, whether or not the account exists.',
          body: requestBody,
          response: { 200: z.object({ message: z.string() }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const now = new Date();
        const paused = await service.request(request.body.email, originOf(request), now);
        if (paused !== undefined) {
          const seconds = Math.max(1, Math.ceil((paused.lockedUntil.getTime() - now.getTime()) / 1000));
          reply.header('retry-after', String(seconds));
          return sendProblem(reply, {
            type: problemType('password_reset_paused'),
            title: problemTitles.rate_limited,
            status: 429,
            detail: withValues(errors.tooManyLinks, { minutes: Math.ceil(seconds / 60) }),
            code: 'password_reset_paused',
            ...problemInstance(request),
            requestId: String(request.id),
            retryAfterSeconds: seconds,
          });
        }
        return { message: passwordResetAnswer };
      },
    );

    app.post(
      '/api/auth/reset-password',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary:
            'Choose a new password with a reset link’s token; ends every session of the account (the password policy applies)',
          body: resetBody,
          response: { 200: z.object({ status: z.boolean() }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const { token, newPassword } = request.body;
        const account = await accounts.accountOfPasswordResetToken(token);
        if (account === undefined) {
          throw new DomainError('invalid_input', expiredLink, {
            fieldErrors: [{ path: 'body.token', message: expiredLink }],
          });
        }
        const problem = passwordProblem(newPassword, account.email);
        if (problem !== undefined) {
          throw new DomainError('invalid_input', problem, {
            fieldErrors: [{ path: 'body.newPassword', message: problem }],
          });
        }
        const response = await forward(request, { ...options, body: { token, newPassword } });
        if (!response.ok) {
          if (response.status === 400) {
            throw new DomainError('invalid_input', expiredLink, {
              fieldErrors: [{ path: 'body.token', message: expiredLink }],
            });
          }
          return relayFailure(request, reply, response);
        }
        // better-auth deleted the account's sessions; this process forgets them at once.
        options.authenticator.forgetUser(account.userId);
        await service.completed(account, originOf(request));
        return { status: true };
      },
    );

    app.post(
      '/api/staff/:staffMemberId/password-reset',
      {
        config: { access: { resource: 'staff_directory', action: 'update' } },
        schema: {
          tags: ['staff'],
          summary:
            'Send a staff member a link to choose a new password (administrators); the link is never shown here',
          params: staffMemberParams,
          body: z.object({}).optional(),
          response: {
            200: z.object({
              recipient: z.string(),
              /** Whether a mail server is configured: without one the message waits in the outbox, not sent. */
              mailServer: z.boolean(),
            }),
            '4xx': problemSchema,
          },
        },
      },
      async (request) => service.sendToStaffMember(recordContext(request), request.params.staffMemberId),
    );
  };
}
