import { renderEnglish } from './render-english.ts';

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

/**
 * Words for a person as plain data, in the shape of a FormatJS message descriptor (ADR 0006): the server formats
 * them in the reader's language; core depends on no formatting library. Values fill the ICU placeholders of
 * `defaultMessage`. They end up in logs through `Error.message`: never a patient's data.
 */
export interface ErrorMessageDescriptor {
  id: string;
  defaultMessage: string;
  values?: Record<string, string | number>;
}

/** What an error says to a person: English as it is, or a message formatted in the reader's language. */
export type ErrorMessage = string | ErrorMessageDescriptor;

/**
 * One field's problem. Core's validators, shared with the web app, say theirs in English (`FieldError`); an
 * error may carry messages for the reader's language too (`FieldError<ErrorMessage>`).
 */
export interface FieldError<Message extends ErrorMessage = string> {
  /** Dotted path to the offending field, e.g. `body.email` or `approaches.2`. */
  path: string;
  message: Message;
}

/** A message in English with its values: for logs, audit reasons and `Error.message`. */
export function englishOf(message: ErrorMessage): string {
  return typeof message === 'string' ? message : renderEnglish(message.defaultMessage, message.values ?? {});
}

export interface DomainErrorOptions {
  cause?: unknown;
  fieldErrors?: FieldError<ErrorMessage>[];
  /** Safe, non-PHI data the client may use (for example the current version after a version conflict). */
  details?: Record<string, unknown>;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** What the error says to a person (`message` is its English, for logs). */
  readonly detail: ErrorMessage;
  readonly fieldErrors: FieldError<ErrorMessage>[];
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DomainErrorCode, message: ErrorMessage, options: DomainErrorOptions = {}) {
    super(englishOf(message), { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.detail = message;
    this.fieldErrors = options.fieldErrors ?? [];
    this.details = options.details;
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
