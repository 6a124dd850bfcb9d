// One way to make a form: Mantine's form, validated by the zod schema the server validates the request with
// (core's), plus checks only the browser can make (the program's today); and one way to show a failed
// submission: field errors on their fields, everything else above the form (FormProblemAlert).
import { type FormErrors, type UseFormReturnType, useForm } from '@mantine/form';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { useRef, useState } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import type { $ZodType } from 'zod/v4/core';
import { asApiError, type FieldError, fieldName } from '../api/problem.ts';
import { hasPath, problemFields } from './problem-fields.ts';
import { type SchemaMessages, wordMessage } from './schema-messages.ts';

export interface TandemFormOptions<Values> {
  initialValues: Values;
  /** The request schema the server validates with; it reads `toRequest(values)`. */
  schema?: $ZodType;
  /** The body the form would send; field names must match the form's (default: the values themselves). */
  toRequest?: (values: Values) => unknown;
  /** Checks the schema cannot make, already in the reader's words; they win over the schema's. */
  rules?: (values: Values) => FormErrors;
  /** The reader's words for the schema's (and the server's) English messages. */
  messages?: SchemaMessages;
  /**
   * Whether a server's field error names a field the form shows (default: a path into the values). A form whose
   * values are shaped unlike the request (asam.level from two selects) names its extra fields here.
   */
  isField?: (path: string, values: Values) => boolean;
  /** Request fields the form shows on another field: `{ role: 'staffMemberId' }`. */
  aliases?: Readonly<Record<string, string>>;
}

/** What a failed submission says that belongs to no field. */
export interface FormProblem {
  title: string;
  detail?: string;
  requestId?: string;
  status: number;
  /** Field errors about fields the form does not have (already in the reader's words). */
  otherErrors: FieldError[];
  /** Whether some of the errors landed on fields. */
  onFields: boolean;
}

export interface TandemForm<Values> {
  form: UseFormReturnType<Values>;
  /** The last failed submission's form-level problem, for FormProblemAlert. */
  problem: FormProblem | null;
  /** Shows a failed submission: field errors on their fields, the rest as the form's problem. */
  showProblem: (error: unknown) => void;
  clearProblem: () => void;
}

/** The form's checks, without React: the schema's on the request the values make, then the form's own rules. */
export function validateForm<Values>(
  intl: IntlShape,
  { schema, toRequest, rules, messages }: Omit<TandemFormOptions<Values>, 'initialValues'>,
  values: Values,
): FormErrors {
  const errors: FormErrors = {};
  if (schema !== undefined) {
    const request = toRequest === undefined ? values : toRequest(values);
    for (const [path, message] of Object.entries(zod4Resolver(schema)(request as Record<string, unknown>))) {
      errors[path] = typeof message === 'string' ? wordMessage(intl, messages, message) : message;
    }
  }
  return { ...errors, ...rules?.(values) };
}

export function useTandemForm<Values extends object>(options: TandemFormOptions<Values>): TandemForm<Values> {
  const intl = useIntl();
  const { messages } = options;
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const latestIntl = useRef(intl);
  latestIntl.current = intl;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: options.initialValues,
    // The latest options and language: a rule may read something that changes (the program's today), and the
    // reader may switch language with the form open.
    validate: (values) => validateForm(latestIntl.current, latest.current, values),
  });

  function showProblem(error: unknown) {
    const { problem: sent } = asApiError(error);
    const values = form.getValues();
    const isField = latest.current.isField ?? ((path: string) => hasPath(values, path));
    const aliases = latest.current.aliases ?? {};
    const errors = sent.errors?.map((fieldError) => {
      const alias = aliases[fieldName(fieldError.path)];
      return alias === undefined ? fieldError : { ...fieldError, path: alias };
    });
    const { fields, unmatched } = problemFields(errors, (path) => isField(path, values));
    const worded = (text: string) => wordMessage(intl, messages, text);
    form.setErrors(Object.fromEntries(Object.entries(fields).map(([path, text]) => [path, worded(text)])));
    setProblem({
      title: sent.title,
      detail: sent.detail,
      requestId: sent.requestId,
      status: sent.status,
      otherErrors: unmatched.map((fieldError) => ({ ...fieldError, message: worded(fieldError.message) })),
      onFields: Object.keys(fields).length > 0,
    });
  }

  return { form, problem, showProblem, clearProblem: () => setProblem(null) };
}
