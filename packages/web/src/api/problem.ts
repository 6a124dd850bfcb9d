// Every failed API call becomes an ApiError carrying an RFC 9457 problem, whatever the server (or a proxy in
// front of it) actually sent, so the UI has exactly one error shape to render. The words the web supplies itself
// (when the server sent no problem, or could not be reached) are in the current language; the server's own title
// and detail are shown as sent.
import { defineMessage, defineMessages, type MessageDescriptor } from 'react-intl';
import { currentIntl } from '../i18n/current-locale.ts';

export interface FieldError {
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  /** HTTP status; 0 when the server could not be reached at all. */
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ?? problem.title, options);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

const statusTitles: Record<number, MessageDescriptor> = defineMessages({
  400: { id: 'api.problem.status400', defaultMessage: 'The request was not valid' },
  401: { id: 'api.problem.status401', defaultMessage: 'You are not signed in' },
  403: { id: 'api.problem.status403', defaultMessage: 'You do not have access to this' },
  404: { id: 'api.problem.status404', defaultMessage: 'Not found' },
  409: { id: 'api.problem.status409', defaultMessage: 'This was changed by someone else' },
  422: { id: 'api.problem.status422', defaultMessage: 'Some fields need attention' },
  429: { id: 'api.problem.status429', defaultMessage: 'Too many requests' },
  500: { id: 'api.problem.status500', defaultMessage: 'Something went wrong on the server' },
  502: { id: 'api.problem.status502', defaultMessage: 'The server is not reachable' },
  503: { id: 'api.problem.status503', defaultMessage: 'The server is not available right now' },
  504: { id: 'api.problem.status504', defaultMessage: 'The server took too long to answer' },
});

const otherStatus = defineMessage<{ status: number }>({
  id: 'api.problem.otherStatus',
  defaultMessage: 'Request failed ({status})',
});

const messages = defineMessages({
  tryAgainSoon: { id: 'api.problem.tryAgainSoon', defaultMessage: 'Try again in a moment.' },
  unreachableTitle: { id: 'api.problem.unreachableTitle', defaultMessage: 'Cannot reach Tandem' },
  unreachableDetail: {
    id: 'api.problem.unreachableDetail',
    defaultMessage: 'Check your network connection and try again.',
  },
  unexpectedTitle: { id: 'api.problem.unexpectedTitle', defaultMessage: 'Something went wrong' },
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function parseFieldErrors(value: unknown): FieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const errors = value.flatMap((item): FieldError[] =>
    isRecord(item) && typeof item.path === 'string' && typeof item.message === 'string'
      ? [{ path: item.path, message: item.message }]
      : [],
  );
  return errors.length > 0 ? errors : undefined;
}

/** Turns a failed response and its (already parsed) body into an ApiError. */
export function toApiError(body: unknown, response: Response): ApiError {
  const status = response.status;
  const intl = currentIntl();
  const statusTitle = statusTitles[status];
  const fallbackTitle =
    statusTitle === undefined ? intl.formatMessage(otherStatus, { status }) : intl.formatMessage(statusTitle);
  const requestIdHeader = optionalString(response.headers.get('x-request-id'));
  const problem: Problem = { type: 'about:blank', title: fallbackTitle, status };
  if (status >= 502 && status <= 504) problem.detail = intl.formatMessage(messages.tryAgainSoon);

  if (isRecord(body)) {
    // RFC 9457 problem+json from our server.
    problem.type = optionalString(body.type) ?? problem.type;
    problem.title = optionalString(body.title) ?? problem.title;
    problem.detail = optionalString(body.detail) ?? problem.detail;
    problem.instance = optionalString(body.instance);
    problem.requestId = optionalString(body.requestId);
    problem.errors = parseFieldErrors(body.errors);
    // better-auth answers its own routes with {code, message}.
    if (problem.detail === undefined && typeof body.message === 'string' && body.message.length > 0) {
      problem.detail = body.message;
    }
  }
  problem.requestId ??= requestIdHeader;
  return new ApiError(problem);
}

/** Wraps anything thrown while calling the API (network failure, abort, bug) as an ApiError. */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const intl = currentIntl();
  if (error instanceof TypeError) {
    return new ApiError(
      {
        type: 'about:blank',
        title: intl.formatMessage(messages.unreachableTitle),
        status: 0,
        detail: intl.formatMessage(messages.unreachableDetail),
      },
      { cause: error },
    );
  }
  return new ApiError(
    {
      type: 'about:blank',
      title: intl.formatMessage(messages.unexpectedTitle),
      status: 0,
      detail: error instanceof Error ? error.message : undefined,
    },
    { cause: error },
  );
}

/** What the UI shows for an error: a title, an optional detail, the request id, and messages per field. */
export interface ProblemMessage {
  title: string;
  detail?: string;
  requestId?: string;
  status: number;
  fieldErrors: Record<string, string>;
}

const requestParts = new Set(['body', 'params', 'querystring', 'query', 'headers']);

/**
 * Field paths arrive as JSON Pointers ("/email"), dotted paths ("body.email") or plain names; a form only
 * knows its own field names, so the pointer slash and the request-part prefix are dropped.
 */
export function fieldName(path: string): string {
  const segments = path.split(/[./]/).filter((segment) => segment.length > 0);
  if (segments.length > 1 && requestParts.has(segments[0] ?? '')) segments.shift();
  return segments.join('.');
}

/** The first message per field wins. */
export function describeProblem(error: unknown): ProblemMessage {
  const { problem } = asApiError(error);
  const fieldErrors: Record<string, string> = {};
  for (const { path, message } of problem.errors ?? []) {
    const name = fieldName(path);
    if (!(name in fieldErrors)) fieldErrors[name] = message;
  }
  return {
    title: problem.title,
    detail: problem.detail,
    requestId: problem.requestId,
    status: problem.status,
    fieldErrors,
  };
}
