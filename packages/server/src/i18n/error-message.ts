import type { IntlShape, TypedMessageDescriptor } from '@formatjs/intl';
import { type ErrorMessage, type ErrorMessageDescriptor, englishOf } from '@tandem/core';
import { coreRequestMessageByEnglish } from './core-request-messages.ts';
import { catalogueMessage } from './intl.ts';

/** The value types of a message without placeholders, for `defineMessages<{ … }>`. */
export type NoValues = Record<never, never>;

type Values = Record<string, string | number>;

/**
 * A message of an error with the values of its placeholders, for a DomainError, a Refusal or a field error; the
 * edge formats it in the reader's language (http/problem.ts). Values reach the logs in `Error.message`: staff
 * names and counts are fine, a patient's data never is.
 */
export function withValues<V extends Values>(
  message: TypedMessageDescriptor<V> & { id: string; defaultMessage: string },
  values: V,
): ErrorMessageDescriptor {
  return { id: message.id, defaultMessage: message.defaultMessage, values };
}

/**
 * What an error says, in `intl`'s language. A plain string that is a message id of the server's catalogue (what
 * the route schemas give zod, which runs before any handler) is formatted too, and so is the English of a field
 * rule core shares with the web (core-request-messages.ts); any other string is English that was never translated
 * and passes as it is. A message that does not format falls back to its English.
 */
export function formatErrorMessage(intl: IntlShape, message: ErrorMessage): string {
  const descriptor =
    typeof message === 'string'
      ? (catalogueMessage(message) ?? coreRequestMessageByEnglish.get(message))
      : message;
  if (descriptor === undefined) return message as string;
  const { values, ...formatted } = descriptor;
  try {
    return intl.formatMessage(formatted, values);
  } catch {
    return englishOf(descriptor);
  }
}
