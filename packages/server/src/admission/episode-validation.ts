import { DomainError, type ErrorMessage, type FieldError } from '@tandem/core';
import { admissionErrors } from './errors.ts';

/** A 400 with the given per-field messages (paths relative to the body). */
export function invalidBody(fieldErrors: FieldError<ErrorMessage>[]): DomainError {
  return new DomainError('invalid_input', admissionErrors.invalidFields, {
    fieldErrors: fieldErrors.map((error) => ({ ...error, path: `body.${error.path}` })),
  });
}
