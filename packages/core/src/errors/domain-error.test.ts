import { describe, expect, it } from 'vitest';
import { DomainError, isDomainError } from './domain-error.ts';

describe('DomainError', () => {
  it('keeps its code, field errors and cause', () => {
    const cause = new Error('low level');
    const error = new DomainError('invalid_input', 'Check the highlighted fields', {
      cause,
      fieldErrors: [{ path: 'email', message: 'Enter an email address' }],
    });
    expect(error.code).toBe('invalid_input');
    expect(error.fieldErrors).toEqual([{ path: 'email', message: 'Enter an email address' }]);
    expect(error.cause).toBe(cause);
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('plain'))).toBe(false);
  });
});
