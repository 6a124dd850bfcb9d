import { describe, expect, it } from 'vitest';
import { ApiError, asApiError, describeProblem, fieldName, toApiError } from './problem.ts';

function response(status: number, headers: Record<string, string> = {}): Response {
  return new Response(null, { status, headers });
}

describe('toApiError', () => {
  it('keeps an RFC 9457 problem as sent', () => {
    const error = toApiError(
      {
        type: 'https://tandem.dev/problems/validation',
        title: 'Invalid request',
        status: 422,
        detail: 'Two fields need attention',
        requestId: 'req-1',
        errors: [{ path: '/email', message: 'Must be an email address' }],
      },
      response(422),
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.problem).toMatchObject({
      title: 'Invalid request',
      detail: 'Two fields need attention',
      requestId: 'req-1',
      errors: [{ path: '/email', message: 'Must be an email address' }],
    });
  });

  it("reads better-auth's {code, message} body as the detail", () => {
    const error = toApiError(
      { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' },
      response(401),
    );
    expect(error.problem.status).toBe(401);
    expect(error.problem.detail).toBe('Invalid email or password');
  });

  it('falls back to a title for the status and the x-request-id header when the body is not JSON', () => {
    const error = toApiError('<html>Bad gateway</html>', response(502, { 'x-request-id': 'req-9' }));
    expect(error.problem.title).toBe('The server is not reachable');
    expect(error.problem.requestId).toBe('req-9');
  });
});

describe('asApiError', () => {
  it('turns a failed fetch into a network problem with status 0', () => {
    const error = asApiError(new TypeError('Failed to fetch'));
    expect(error.status).toBe(0);
    expect(error.problem.title).toBe('Cannot reach Tandem');
  });
});

describe('describeProblem', () => {
  it('maps field errors by field name, first message wins', () => {
    const message = describeProblem(
      new ApiError({
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        errors: [
          { path: 'body.email', message: 'Required' },
          { path: '/email', message: 'Second message' },
          { path: '/password', message: 'Too short' },
        ],
      }),
    );
    expect(message.fieldErrors).toEqual({ email: 'Required', password: 'Too short' });
  });
});

describe('fieldName', () => {
  it.each([
    ['/email', 'email'],
    ['body.email', 'email'],
    ['/body/address/city', 'address.city'],
    ['password', 'password'],
    ['params.staffMemberId', 'staffMemberId'],
    ['body', 'body'],
  ])('%s -> %s', (path, expected) => {
    expect(fieldName(path)).toBe(expected);
  });
});
