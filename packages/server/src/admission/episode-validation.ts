import { DomainError, type FieldError, findDiagnosis } from '@tandem/core';

/** A 400 with the given per-field messages (paths relative to the body). */
export function invalidBody(fieldErrors: FieldError[]): DomainError {
  return new DomainError('invalid_input', 'Some fields are missing or invalid.', {
    fieldErrors: fieldErrors.map((error) => ({ ...error, path: `body.${error.path}` })),
  });
}

/**
 * One primary among several (the primary substance, the primary diagnosis). A single entry is primary by
 * itself; several need exactly one marked. Returns the index of the primary, or the field error.
 */
export function primaryIndex(
  entries: readonly { isPrimary: boolean }[],
  path: string,
  what: string,
): { index: number } | { error: FieldError } {
  if (entries.length === 1) return { index: 0 };
  const marked = entries.flatMap((entry, index) => (entry.isPrimary ? [index] : []));
  if (marked.length === 1) return { index: marked[0] as number };
  return {
    error: {
      path,
      message: marked.length === 0 ? `Mark the primary ${what}` : `Mark only one ${what} as primary`,
    },
  };
}

/** The catalogue's entry of a code that may go on a record (billable, F10-F19), or the field error. */
export function billableDiagnosis(
  code: string,
  path: string,
): { code: string; description: string } | { error: FieldError } {
  const diagnosis = findDiagnosis(code);
  if (diagnosis === undefined) {
    return { error: { path, message: 'Not an ICD-10-CM code of F10-F19 (substance use disorders)' } };
  }
  if (!diagnosis.billable) {
    return {
      error: { path, message: `${diagnosis.code} is a category; choose one of the specific codes under it` },
    };
  }
  return { code: diagnosis.code, description: diagnosis.description };
}
