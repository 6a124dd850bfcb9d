import { defineMessages } from '@formatjs/intl';
import type { ErrorMessageDescriptor } from '@tandem/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemInstance, problemTitles, problemType, sendProblem } from '../http/problem.ts';
import { type Auth, clientIpHeader } from './auth.ts';
import { toWebHeaders } from './authenticate.ts';
import type { RequestOrigin } from './security-audit.ts';

/**
 * Passing requests to better-auth's handler and its answers back: cookies through, errors as problem+json in
 * Tandem's words.
 */

/** Tandem's words for better-auth's error codes (which are terse, and sometimes say more than they should). */
const messages: Record<string, ErrorMessageDescriptor> = defineMessages({
  invalid_email_or_password: {
    id: 'auth.errors.wrongEmailOrPassword',
    defaultMessage: 'The email or password is not correct.',
  },
  invalid_code: {
    id: 'auth.errors.wrongCode',
    defaultMessage: 'That code is not right. Type the newest code your authenticator app shows.',
  },
  invalid_backup_code: {
    id: 'auth.errors.wrongRecoveryCode',
    defaultMessage: 'That recovery code is not right, or it was used already.',
  },
  invalid_two_factor_cookie: {
    id: 'auth.errors.secondStepTooSlow',
    defaultMessage: 'This sign-in took too long. Sign in with your password again.',
  },
  too_many_attempts_request_new_code: {
    id: 'auth.errors.tooManyWrongCodes',
    defaultMessage: 'Too many wrong codes. Sign in with your password again.',
  },
  account_temporarily_locked: {
    id: 'auth.errors.secondStepLocked',
    defaultMessage:
      'Too many wrong codes: two-step sign-in is locked for 15 minutes. Try again later or ask your administrator.',
  },
  account_inactive: {
    id: 'auth.errors.accountInactive',
    defaultMessage: 'This account is not active. Ask your administrator.',
  },
  not_found: {
    id: 'auth.errors.notOffered',
    defaultMessage:
      'Tandem does not offer this. Names and email addresses change only through Tandem’s own pages, which record each change.',
  },
  totp_already_enabled: {
    id: 'auth.errors.twoFactorAlreadyOn',
    defaultMessage: 'Two-step verification is already on.',
  },
  two_factor_not_enabled: {
    id: 'auth.errors.twoFactorNotOn',
    defaultMessage: 'Two-step verification is not on.',
  },
});

const titles = defineMessages({
  signInFailed: { id: 'auth.errors.signInFailedTitle', defaultMessage: 'Sign-in failed' },
  refused: { id: 'auth.errors.refusedTitle', defaultMessage: 'Request refused' },
});

const wrongPassword = defineMessages({
  message: { id: 'auth.errors.wrongPassword', defaultMessage: 'The password is not correct.' },
}).message;

/** Errors that belong to one field of the form. */
const fieldOfCode: Record<string, { path: string; message: ErrorMessageDescriptor }> = {
  invalid_password: { path: 'body.password', message: wrongPassword },
  invalid_code: { path: 'body.code', message: messages.invalid_code as ErrorMessageDescriptor },
  invalid_backup_code: { path: 'body.code', message: messages.invalid_backup_code as ErrorMessageDescriptor },
};

export function originOf(request: FastifyRequest): RequestOrigin {
  return { ipAddress: request.ip, userAgent: request.headers['user-agent']?.slice(0, 512) ?? null };
}

export async function forward(
  request: FastifyRequest,
  options: { auth: Auth; publicUrl: string; body?: unknown; path?: string },
): Promise<Response> {
  const headers = toWebHeaders(request.headers);
  headers.delete('content-length');
  // The CSRF guard (http/csrf.ts) has already refused foreign origins; a request without one (a script, curl)
  // carried the custom header instead, so it is vouched for as our own origin.
  if (!headers.has('origin')) headers.set('origin', options.publicUrl);
  headers.set(clientIpHeader, request.ip);
  const body = options.body ?? request.body;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody) headers.set('content-type', 'application/json');
  return options.auth.handler(
    new Request(`${options.publicUrl}${options.path ?? request.url}`, {
      method: request.method,
      headers,
      ...(hasBody ? { body: JSON.stringify(body ?? {}) } : {}),
    }),
  );
}

export function copySetCookies(response: Response, reply: FastifyReply): void {
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

/** better-auth answers errors as {code, message}; Tandem answers problem+json everywhere. */
export async function relayFailure(request: FastifyRequest, reply: FastifyReply, response: Response) {
  copySetCookies(response, reply);
  const text = await response.text();
  // better-auth's own English, for a code Tandem has no words for.
  let message = response.statusText || 'Request failed';
  let code = 'auth_error';
  try {
    const parsed = JSON.parse(text) as { message?: string; code?: string };
    if (parsed.message) message = parsed.message;
    if (parsed.code) code = parsed.code.toLowerCase();
  } catch {
    // Not JSON: keep the status text.
  }
  const status = response.status >= 400 ? response.status : 500;
  // A closed endpoint (auth.ts, closedAuthPaths) answers a bare 404.
  if (status === 404 && code === 'auth_error') code = 'not_found';
  const retryAfter = response.headers.get('x-retry-after');
  if (status === 429 && retryAfter !== null) reply.header('retry-after', retryAfter);
  const field = fieldOfCode[code];
  return sendProblem(reply, {
    type: problemType(code),
    title:
      status === 401 ? titles.signInFailed : status === 429 ? problemTitles.rate_limited : titles.refused,
    status,
    detail: field?.message ?? messages[code] ?? message,
    code,
    ...problemInstance(request),
    requestId: String(request.id),
    ...(field === undefined ? {} : { errors: [field] }),
  });
}

/**
 * better-auth's JSON with every `token` field left out (get-session's session.token, each session's token in
 * list-sessions): a session token is the cookie's secret, and the page must never hold what HttpOnly keeps from it.
 */
export function withoutSessionTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSessionTokens);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'token')
      .map(([key, inner]) => [key, withoutSessionTokens(inner)]),
  );
}
