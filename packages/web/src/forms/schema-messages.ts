// Core's request schemas carry English messages keyed by a code (the server sends the English). The web words
// each code in the reader's language: a feature pairs core's English with its own message descriptors, typed by
// the same codes so that a new rule in core without words in the web fails the typecheck.
import type { IntlShape, MessageDescriptor } from 'react-intl';

export type SchemaMessages = ReadonlyMap<string, MessageDescriptor>;

export function schemaMessages<Code extends string>(
  english: Readonly<Record<Code, string>>,
  words: Readonly<Record<Code, MessageDescriptor>>,
): SchemaMessages {
  return new Map(Object.entries<string>(english).map(([code, text]) => [text, words[code as Code]]));
}

/** A schema's (or the server's) English message in the reader's words; a message no feature knows stays as is. */
export function wordMessage(intl: IntlShape, messages: SchemaMessages | undefined, text: string): string {
  const descriptor = messages?.get(text);
  return descriptor === undefined ? text : intl.formatMessage(descriptor);
}
