// Every failed API call becomes an ApiError carrying an RFC 9457 problem, whatever the server (or a proxy in
// front of it) actually sent, so the UI has exactly one error shape to render.

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

const statusTitles: Record<number, string> = {
  400: 'The request was not valid',
  401: 'You are not signed in',
  403: 'You do not have access to this',
  404: 'Not found',
  409: 'This was changed by someone else',
  422: 'Some fields need attention',
  429: 'Too many requests',
  500: 'Something went wrong on the server',
  502: 'The server is not reachable',
  503: 'The server is not available right now',
  504: 'The server took too long to answer',
};

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
  const fallbackTitle = statusTitles[status] ?? `Request failed (${status})`;
  const requestIdHeader = optionalString(response.headers.get('x-request-id'));
  const problem: Problem = { type: 'about:blank', title: fallbackTitle, status };
  if (status >= 502 && status <= 504) problem.detail = 'Try again in a moment.';

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
  if (error instanceof TypeError) {
    return new ApiError(
      {
        type: 'about:blank',
        title: 'Cannot reach Tandem',
        status: 0,
        detail: 'Check your network connection and try again.',
      },
      { cause: error },
    );
  }
  return new ApiError(
    {
      type: 'about:blank',
      title: 'Something went wrong',
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
