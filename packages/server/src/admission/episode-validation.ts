import { DomainError, type FieldError } from '@tandem/core';

/** A 400 with the given per-field messages (paths relative to the body). */
export function invalidBody(fieldErrors: FieldError[]): DomainError {
  return new DomainError('invalid_input', 'Some fields are missing or invalid.', {
    fieldErrors: fieldErrors.map((error) => ({ ...error, path: `body.${error.path}` })),
  });
}
