import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import type { ErrorMessageDescriptor, UiLanguage } from '@tandem/core';
import english from './messages/en.json' with { type: 'json' };
import spanish from './messages/es.json' with { type: 'json' };

/**
 * The server's words for people (mail, the release PDF, consent wording) in each written language, by FormatJS
 * like the web app (ADR 0006). The server writes for the recipient: an invitation in the invitee's language, an
 * alert in each recipient's, never in the language of whoever caused it.
 */
type Translations = Record<string, { message: string; source: string }>;
type SourceMessages = Record<string, { defaultMessage: string }>;

const catalogues: Record<UiLanguage, Record<string, string>> = {
  en: Object.fromEntries(Object.entries(english as SourceMessages).map(([id, m]) => [id, m.defaultMessage])),
  es: Object.fromEntries(Object.entries(spanish as Translations).map(([id, m]) => [id, m.message])),
};

/** The catalogue's message of an id, with its English: undefined when the id is not one of the server's. */
export function catalogueMessage(id: string): ErrorMessageDescriptor | undefined {
  return Object.hasOwn(catalogues.en, id) ? { id, defaultMessage: catalogues.en[id] as string } : undefined;
}

const cache = createIntlCache();
const byLanguageAndZone = new Map<string, IntlShape>();

/** The formatter for one reader: their language, and the program's time zone for dates and times. */
export function intlFor(language: UiLanguage, timeZone = 'UTC'): IntlShape {
  const key = `${language} ${timeZone}`;
  let intl = byLanguageAndZone.get(key);
  if (intl === undefined) {
    intl = createIntl(
      {
        locale: language,
        defaultLocale: 'en',
        messages: catalogues[language],
        timeZone: validTimeZone(timeZone),
        onError: (error) => {
          // A missing translation falls back to the English beside the id (the catalogue check, run by every
          // build, keeps one from shipping); anything else is a broken message and must not go out half-written.
          if (error.code !== 'MISSING_TRANSLATION') throw error;
        },
      },
      cache,
    );
    byLanguageAndZone.set(key, intl);
  }
  return intl;
}

function validTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}
