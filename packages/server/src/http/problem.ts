import { defineMessages } from '@formatjs/intl';
import {
  DomainError,
  type DomainErrorCode,
  type ErrorMessage,
  type FieldError,
  isDomainError,
  type UiLanguage,
} from '@tandem/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { formatErrorMessage } from '../i18n/error-message.ts';
import { catalogueMessage, intlFor } from '../i18n/intl.ts';
import { violatedConstraint } from '../records/refusal.ts';
import { requestLanguage } from './request-language.ts';

/** RFC 9457 problem details: the only error shape Tandem's API answers with. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

/**
 * A problem as the code states it: its title, detail and field messages may be messages for the reader's
 * language, formatted when it is sent (sendProblem).
 */
export interface ProblemStatement {
  type: string;
  title: ErrorMessage;
  status: number;
  detail?: ErrorMessage;
  instance?: string;
  code: string;
  requestId: string;
  errors?: FieldError<ErrorMessage>[];
  [more: string]: unknown;
}

const statusByCode: Record<DomainErrorCode, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  version_conflict: 409,
  gone: 410,
  rate_limited: 429,
  unavailable: 503,
};

/** The title of each code's problem. */
export const problemTitles = defineMessages({
  invalid_input: { id: 'problem.title.invalidInput', defaultMessage: 'The request has invalid fields' },
  unauthenticated: { id: 'problem.title.unauthenticated', defaultMessage: 'Sign-in required' },
  forbidden: { id: 'problem.title.forbidden', defaultMessage: 'Not allowed' },
  not_found: { id: 'problem.title.notFound', defaultMessage: 'Not found' },
  conflict: { id: 'problem.title.conflict', defaultMessage: 'Conflict' },
  version_conflict: { id: 'problem.title.versionConflict', defaultMessage: 'Changed by someone else' },
  gone: { id: 'problem.title.gone', defaultMessage: 'No longer available' },
  rate_limited: { id: 'problem.title.rateLimited', defaultMessage: 'Too many requests' },
  unavailable: { id: 'problem.title.unavailable', defaultMessage: 'Temporarily unavailable' },
}) satisfies Record<DomainErrorCode, ErrorMessage>;

const errors = defineMessages({
  internalTitle: { id: 'problem.title.internal', defaultMessage: 'Something went wrong on our side' },
  internal: {
    id: 'problem.errors.internal',
    defaultMessage: 'The error was logged with this request id; nothing you sent was partly saved.',
  },
  invalidFields: {
    id: 'problem.errors.invalidFields',
    defaultMessage: 'Some fields are missing or invalid.',
  },
  invalidValue: { id: 'problem.errors.invalidValue', defaultMessage: 'Invalid value' },
  invalidJson: { id: 'problem.errors.invalidJson', defaultMessage: 'The request body is not valid JSON.' },
  bodyTooLarge: { id: 'problem.errors.bodyTooLarge', defaultMessage: 'The request body is too large.' },
  jsonOnly: { id: 'problem.errors.jsonOnly', defaultMessage: 'Send the request body as application/json.' },
  notProcessed: { id: 'problem.errors.notProcessed', defaultMessage: 'The request could not be processed.' },
  uriTooLongTitle: { id: 'problem.title.uriTooLong', defaultMessage: 'Address too long' },
  uriTooLong: {
    id: 'problem.errors.uriTooLong',
    defaultMessage: 'A part of the address is longer than any Tandem gives out.',
  },
  invalidAddress: { id: 'problem.errors.invalidAddress', defaultMessage: 'The address is not valid.' },
  duplicate: {
    id: 'problem.errors.duplicate',
    defaultMessage: 'A record with the same unique values exists.',
  },
  missingReference: {
    id: 'problem.errors.missingReference',
    defaultMessage: 'A record it refers to does not exist.',
  },
  concurrentChange: {
    id: 'problem.errors.concurrentChange',
    defaultMessage: 'Another change happened at the same time; try again.',
  },
  valueOutOfRange: {
    id: 'problem.errors.valueOutOfRange',
    defaultMessage: 'A value is out of range or in the wrong format.',
  },
});

const codeByStatus = new Map<number, DomainErrorCode>(
  Object.entries(statusByCode).map(([code, status]) => [status, code as DomainErrorCode]),
);

export function problemType(code: string): string {
  return `urn:tandem:problem:${code}`;
}

/** Longer paths are not repeated back: a path that long is not an address Tandem gave out. */
const maxInstanceLength = 256;

/** The problem's `instance`: the request's path without its query, or nothing when the path is unusually long. */
export function problemInstance(request: FastifyRequest): { instance?: string } {
  const path = request.url.split('?')[0] ?? '';
  return path.length > maxInstanceLength ? {} : { instance: path };
}

/** The one function that decides an error's HTTP status and body. Unknown errors become a bare 500. */
export function toProblem(error: unknown, request: FastifyRequest): ProblemStatement {
  const base = { ...problemInstance(request), requestId: String(request.id) };
  const domainError = toDomainError(error);
  if (domainError !== undefined) {
    const status = statusByCode[domainError.code];
    return {
      type: problemType(domainError.code),
      title: problemTitles[domainError.code],
      status,
      detail: domainError.detail,
      code: domainError.code,
      ...base,
      ...(domainError.fieldErrors.length > 0 ? { errors: domainError.fieldErrors } : {}),
      ...domainError.details,
    };
  }
  return {
    type: problemType('internal'),
    title: errors.internalTitle,
    status: 500,
    detail: errors.internal,
    code: 'internal',
    ...base,
  };
}

/** Turns what frameworks throw into a DomainError where the cause is the client's; undefined means a server fault. */
export function toDomainError(error: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors: FieldError<ErrorMessage>[] = error.validation.map((issue) => {
      const where = error.validationContext ?? 'body';
      const instancePath = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return {
        path: instancePath ? `${where}.${instancePath}` : where,
        message:
          issue.message === undefined ? errors.invalidValue : schemaMessage(issue.message, issue.params),
      };
    });
    return new DomainError('invalid_input', errors.invalidFields, {
      fieldErrors,
      cause: error,
    });
  }
  if (isResponseSerializationError(error)) return undefined;
  const databaseError = fromDatabaseError(error);
  if (databaseError !== undefined) return databaseError;
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const code = codeByStatus.get(status) ?? 'invalid_input';
    return new DomainError(code, clientErrorMessage(fastifyError), { cause: error });
  }
  return undefined;
}

/**
 * A route schema's own message is a catalogue id (zod runs before any handler, in no one's language): it becomes
 * the catalogue's message, its placeholders filled from the issue (`{minimum}`, `{maximum}`, an enum's
 * `{values}`, a custom issue's `params`). Zod's built-in messages are English and stay so.
 */
function schemaMessage(message: string, params: Record<string, unknown> | undefined): ErrorMessage {
  const known = catalogueMessage(message);
  if (known === undefined) return message;
  const values: Record<string, string | number> = {};
  const custom = params?.params;
  const fields = { ...params, ...(typeof custom === 'object' && custom !== null ? custom : {}) };
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (typeof value === 'bigint') values[name] = Number(value);
    else if (
      Array.isArray(value) &&
      value.every((item) => typeof item === 'string' || typeof item === 'number')
    )
      values[name] = value.join(', ');
  }
  return { ...known, values };
}

function clientErrorMessage(error: Partial<FastifyError>): ErrorMessage {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return errors.invalidJson;
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return errors.bodyTooLarge;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return errors.jsonOnly;
    default:
      return errors.notProcessed;
  }
}

/**
 * What the router refuses before any route runs (Fastify's frameworkErrors): a path parameter longer than
 * maxParamLength, or a path that does not decode. Fastify's own answer repeats the path; this one never does.
 */
export function routerProblem(error: FastifyError, request: FastifyRequest): ProblemStatement {
  const requestId = String(request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return {
      type: problemType('uri_too_long'),
      title: errors.uriTooLongTitle,
      status: 414,
      detail: errors.uriTooLong,
      code: 'uri_too_long',
      requestId,
    };
  }
  return {
    type: problemType('invalid_input'),
    title: problemTitles.invalid_input,
    status: 400,
    detail: errors.invalidAddress,
    code: 'invalid_input',
    requestId,
  };
}

/** Sends a problem in the language of the request's reader (requestLanguage). */
export function sendProblem(reply: FastifyReply, problem: ProblemStatement): FastifyReply {
  const body = problemIn(requestLanguage(reply.request), problem);
  return reply.status(problem.status).type('application/problem+json').send(body);
}

/** The problem with its words formatted in `language`; English stays as it is. */
export function problemIn(language: UiLanguage, problem: ProblemStatement): Problem {
  const intl = intlFor(language);
  const { title, detail, errors: fieldErrors, ...rest } = problem;
  return {
    ...rest,
    title: formatErrorMessage(intl, title),
    ...(detail === undefined ? {} : { detail: formatErrorMessage(intl, detail) }),
    ...(fieldErrors === undefined
      ? {}
      : {
          errors: fieldErrors.map((fieldError) => ({
            path: fieldError.path,
            message: formatErrorMessage(intl, fieldError.message),
          })),
        }),
  };
}

/** Constraint violations are the client's to fix; the message never repeats the offending values. */
function fromDatabaseError(error: unknown): DomainError | undefined {
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlState)) return undefined;
  // A unique or exclusion violation that no unit of work named a rule for (records/refusal.ts reads them).
  if (violatedConstraint(error) !== undefined) {
    return new DomainError('conflict', errors.duplicate);
  }
  if (sqlState === '23503') return new DomainError('conflict', errors.missingReference);
  if (sqlState === '40001' || sqlState === '40P01')
    return new DomainError('conflict', errors.concurrentChange);
  if (sqlState.startsWith('22') || sqlState.startsWith('23')) {
    return new DomainError('invalid_input', errors.valueOutOfRange);
  }
  return undefined;
}
