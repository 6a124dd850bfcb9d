import createClient, { type Middleware } from 'openapi-fetch';
import { asApiError, toApiError } from './problem.ts';
import type { paths } from './schema.generated.ts';

/** The server's CSRF guard refuses unsafe requests that lack this header (a cross-site form cannot set it). */
const csrfHeader = 'x-tandem-csrf';

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET') request.headers.set(csrfHeader, '1');
    return request;
  },
};

/** Typed client for the Tandem API; same origin, session cookie sent by the browser. */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(csrfMiddleware);

interface ApiResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Awaits an openapi-fetch call and returns its data, or throws an ApiError built from the problem body.
 * Query and mutation functions use this so TanStack Query sees failures as errors.
 */
export async function unwrap<T>(call: Promise<ApiResult<T>>): Promise<T> {
  let result: ApiResult<T>;
  try {
    result = await call;
  } catch (error) {
    throw asApiError(error);
  }
  if (!result.response.ok) throw toApiError(result.error, result.response);
  return result.data as T;
}
