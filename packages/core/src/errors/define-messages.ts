import type { ErrorMessageDescriptor } from './domain-error.ts';

/**
 * Declares core's error messages as plain data, the way FormatJS's defineMessages does (an identity function):
 * core depends on no formatting library, and the server's catalogue extract, which reads core too, finds them by
 * this name. Not exported from the package's index, so that it is never mistaken for FormatJS's own.
 */
export function defineMessages<const Messages extends Record<string, ErrorMessageDescriptor>>(
  messages: Messages,
): Messages {
  return messages;
}
