import { defineMessages } from '@formatjs/intl';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemInstance, problemType, sendProblem } from '../http/problem.ts';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { sessionCookiePrefix } from './auth.ts';
import { originOf } from './better-auth-relay.ts';
import type { AuthRepository } from './repository.ts';
import {
  auditForMemberships,
  membershipAudiences,
  type SecurityEvent,
  securityChange,
} from './security-audit.ts';
import { isLocked, ruleFor } from './sign-in-throttle.ts';

/** Sign-in outcomes for the lockout counters and the audit trail. */

/**
 * Counts the failure against the email and the address, and audits it where the account belongs: the counters and
 * the events commit together.
 */
export async function recordFailedSignIn(
  records: RecordKernel,
  repository: AuthRepository,
  request: FastifyRequest,
  email: string,
  keys: string[],
  now: Date,
): Promise<void> {
  const memberships = await repository.membershipsOfEmail(email);
  await records.writeForAccount(
    membershipAudiences(memberships, originOf(request)),
    async ({ trx, audit }) => {
      let accountLocked = false;
      for (const key of keys) {
        const state = await repository.recordFailure(trx, key, now);
        if (
          key.startsWith('account:') &&
          isLocked(state, now) &&
          state.failures === ruleFor(key).maxFailures
        ) {
          accountLocked = true;
        }
      }
      audit(
        securityChange({
          action: 'sign_in_failed',
          resourceType: 'session',
          resourceId: null,
          outcome: 'denied',
          reason: 'wrong password',
        }),
      );
      if (accountLocked) {
        audit(
          securityChange({
            action: 'sign_in_locked',
            resourceType: 'session',
            resourceId: null,
            outcome: 'denied',
            reason: `${ruleFor(keys[0] as string).maxFailures} failed sign-ins: locked for 15 minutes`,
          }),
        );
      }
    },
  );
}

export async function auditSignIn(
  records: RecordKernel,
  repository: AuthRepository,
  request: FastifyRequest,
  userId: string,
  how: string,
): Promise<void> {
  await auditForMemberships(records, await repository.membershipsOfUser(userId), originOf(request), [
    { action: 'sign_in', resourceType: 'session', resourceId: null, outcome: 'allowed', reason: how },
  ]);
}

/** The person whose second step this is, from better-auth's signed challenge cookie (for the audit trail). */
export async function userOfChallenge(repository: AuthRepository, cookieHeader: string | undefined) {
  const name = `${sessionCookiePrefix}.two_factor`;
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name && key !== `__Secure-${name}`) continue;
    const signed = decodeURIComponent(rest.join('='));
    const identifier = signed.slice(0, signed.lastIndexOf('.'));
    return identifier === '' ? undefined : repository.userOfTwoFactorChallenge(identifier);
  }
  return undefined;
}

const errors = defineMessages<{
  signInFailed: NoValues;
  codeUsed: NoValues;
  lockedTitle: NoValues;
  locked: { minutes: number };
}>({
  signInFailed: { id: 'auth.errors.signInFailedTitle', defaultMessage: 'Sign-in failed' },
  codeUsed: {
    id: 'auth.errors.codeUsed',
    defaultMessage: 'That code was used already. Wait for the next code your authenticator app shows.',
  },
  lockedTitle: { id: 'auth.errors.lockedTitle', defaultMessage: 'Too many failed sign-ins' },
  locked: {
    id: 'auth.errors.locked',
    defaultMessage:
      'Sign-in is paused after too many failed attempts. Try again in {minutes, plural, one {# minute} other {# minutes}}, or ask your administrator.',
  },
});

/** A failed second sign-in step, for the audit trail. */
export function failedSecondStep(reason: string): SecurityEvent {
  return { action: 'sign_in_failed', resourceType: 'session', resourceId: null, outcome: 'denied', reason };
}

/** The authenticator code was accepted once already (a replay, or the same code typed twice). */
export function sendUsedCode(request: FastifyRequest, reply: FastifyReply) {
  const message = errors.codeUsed;
  return sendProblem(reply, {
    type: problemType('totp_code_used'),
    title: errors.signInFailed,
    status: 401,
    detail: message,
    code: 'totp_code_used',
    ...problemInstance(request),
    requestId: String(request.id),
    errors: [{ path: 'body.code', message }],
  });
}

export function sendLocked(request: FastifyRequest, reply: FastifyReply, remainingMs: number) {
  const seconds = Math.max(1, Math.ceil(remainingMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  reply.header('retry-after', String(seconds));
  return sendProblem(reply, {
    type: problemType('sign_in_locked'),
    title: errors.lockedTitle,
    status: 429,
    detail: withValues(errors.locked, { minutes }),
    code: 'sign_in_locked',
    ...problemInstance(request),
    requestId: String(request.id),
    retryAfterSeconds: seconds,
  });
}
