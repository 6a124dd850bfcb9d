import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { UiLanguage } from '@tandem/core';
import { pseudoLocale, pseudoLocalize } from './pseudo-locale.ts';

/** A locale the web app can render in: a written language, or the pseudo-locale that finds unwrapped text. */
export type AppLocale = UiLanguage | typeof pseudoLocale;
export type Messages = Record<string, string> | Record<string, MessageFormatElement[]>;

/** messages/<language>.json: each id's translation, with the English it was translated from (for the check). */
export type Translations = Record<string, { message: string; source: string; description?: string }>;
/** messages/en.json, written by `npm run messages:extract`: every id in the code with its English. */
export type SourceMessages = Record<string, { defaultMessage: string; description?: string }>;

/**
 * The messages for a locale, loaded on demand so that a person reading English downloads no catalogue at all:
 * English is the `defaultMessage` written beside each id in the code.
 */
export async function loadMessages(locale: AppLocale): Promise<Messages> {
  if (locale === 'en') return {};
  if (locale === pseudoLocale) {
    const source: SourceMessages = (await import('./messages/en.json')).default;
    return Object.fromEntries(
      Object.entries(source).map(([id, { defaultMessage }]) => [id, pseudoLocalize(defaultMessage)]),
    );
  }
  const translations: Translations = (await import('./messages/es.json')).default;
  return Object.fromEntries(Object.entries(translations).map(([id, { message }]) => [id, message]));
}
