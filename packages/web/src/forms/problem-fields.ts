// Where a failed submission's field errors land: the server names fields by their place in the request
// ("body.email", "/substances/0/route", "email"); a form names them by their place in its values
// ("substances.0.route"). Whatever names no field of the form is handed back, to be shown above the form.
import { type FieldError, fieldName } from '../api/problem.ts';

export interface ProblemFields {
  /** The first message per form field. */
  fields: Record<string, string>;
  /** Field errors that name no field of this form, in the order the server sent them. */
  unmatched: FieldError[];
}

/** Whether `path` ("substances.0.route") names a value in `values`. */
export function hasPath(values: unknown, path: string): boolean {
  let current: unknown = values;
  for (const segment of path.split('.')) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, segment)) return false;
    current = (current as Record<string, unknown>)[segment];
  }
  return true;
}

export function problemFields(
  errors: readonly FieldError[] | undefined,
  isField: (path: string) => boolean,
): ProblemFields {
  const fields: Record<string, string> = {};
  const unmatched: FieldError[] = [];
  for (const error of errors ?? []) {
    const path = fieldName(error.path);
    if (path !== '' && isField(path)) fields[path] ??= error.message;
    else unmatched.push(error);
  }
  return { fields, unmatched };
}
