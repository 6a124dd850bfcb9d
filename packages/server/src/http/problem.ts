import { DomainError, type DomainErrorCode, type FieldError, isDomainError } from '@tandem/core';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { violatedConstraint } from '../records/refusal.ts';

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

const titleByCode: Record<DomainErrorCode, string> = {
  invalid_input: 'The request has invalid fields',
  unauthenticated: 'Sign-in required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  version_conflict: 'Changed by someone else',
  gone: 'No longer available',
  rate_limited: 'Too many requests',
  unavailable: 'Temporarily unavailable',
};

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
export function toProblem(error: unknown, request: FastifyRequest): Problem {
  const base = { ...problemInstance(request), requestId: String(request.id) };
  const domainError = toDomainError(error);
  if (domainError !== undefined) {
    const status = statusByCode[domainError.code];
    return {
      type: problemType(domainError.code),
      title: titleByCode[domainError.code],
      status,
      detail: domainError.message,
      code: domainError.code,
      ...base,
      ...(domainError.fieldErrors.length > 0 ? { errors: domainError.fieldErrors } : {}),
      ...domainError.details,
    };
  }
  return {
    type: problemType('internal'),
    title: 'Something went wrong on our side',
    status: 500,
    detail: 'The error was logged with this request id; nothing you sent was partly saved.',
    code: 'internal',
    ...base,
  };
}

/** Turns what frameworks throw into a DomainError where the cause is the client's; undefined means a server fault. */
export function toDomainError(error: unknown): DomainError | undefined {
  if (isDomainError(error)) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fieldErrors: FieldError[] = error.validation.map((issue) => {
      const where = error.validationContext ?? 'body';
      const instancePath = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
      return {
        path: instancePath ? `${where}.${instancePath}` : where,
        message: issue.message ?? 'Invalid value',
      };
    });
    return new DomainError('invalid_input', 'Some fields are missing or invalid.', {
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

function clientErrorMessage(error: Partial<FastifyError>): string {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is not valid JSON.';
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is too large.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the request body as application/json.';
    default:
      return 'The request could not be processed.';
  }
}

/**
 * What the router refuses before any route runs (Fastify's frameworkErrors): a path parameter longer than
 * maxParamLength, or a path that does not decode. Fastify's own answer repeats the path; this one never does.
 */
export function routerProblem(error: FastifyError, request: FastifyRequest): Problem {
  const requestId = String(request.id);
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return {
      type: problemType('uri_too_long'),
      title: 'Address too long',
      status: 414,
      detail: 'A part of the address is longer than any Tandem gives out.',
      code: 'uri_too_long',
      requestId,
    };
  }
  return {
    type: problemType('invalid_input'),
    title: titleByCode.invalid_input,
    status: 400,
    detail: 'The address is not valid.',
    code: 'invalid_input',
    requestId,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

/** Constraint violations are the client's to fix; the message never repeats the offending values. */
function fromDatabaseError(error: unknown): DomainError | undefined {
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState !== 'string' || !/^[0-9A-Z]{5}$/.test(sqlState)) return undefined;
  // A unique or exclusion violation that no unit of work named a rule for (records/refusal.ts reads them).
  if (violatedConstraint(error) !== undefined) {
    return new DomainError('conflict', 'A record with the same unique values exists.');
  }
  if (sqlState === '23503') return new DomainError('conflict', 'A record it refers to does not exist.');
  if (sqlState === '40001' || sqlState === '40P01') {
    return new DomainError('conflict', 'Another change happened at the same time; try again.');
  }
  if (sqlState.startsWith('22') || sqlState.startsWith('23')) {
    return new DomainError('invalid_input', 'A value is out of range or in the wrong format.');
  }
  return undefined;
}
