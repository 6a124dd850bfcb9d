/**
 * The one error type of the domain. Core never knows about HTTP: the server maps each code to a status in
 * exactly one place (packages/server/src/http/problem.ts).
 */
export const domainErrorCodes = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'version_conflict',
  /** Existed, and is no longer usable (a used, expired or withdrawn one-time link). */
  'gone',
  'rate_limited',
  'unavailable',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export interface FieldError {
  /** Dotted path to the offending field, e.g. `body.email` or `approaches.2`. */
  path: string;
  message: string;
}

export interface DomainErrorOptions {
  cause?: unknown;
  fieldErrors?: FieldError[];
  /** Safe, non-PHI data the client may use (for example the current version after a version conflict). */
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly fieldErrors: FieldError[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: string, options: DomainErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.fieldErrors = options.fieldErrors ?? [];
    this.details = options.details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
