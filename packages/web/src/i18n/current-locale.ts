import { matchUiLanguage, type UiLanguage } from '@tandem/core';
import { createIntl, createIntlCache, type IntlShape } from 'react-intl';
import { loadMessages, type Messages } from './catalogues.ts';
import { type AppLocale, pseudoLocale } from './locales.ts';

/**
 * The locale the app renders in, outside React so that code without hooks (notifications from the query client,
 * the router's error page) formats in it too. Pages follow the signed-in person's language; before sign-in, the
 * browser's. `localStorage['tandem.pseudoLocale'] = '1'` renders everything in the pseudo-locale instead.
 */
export interface CurrentLocale {
  locale: AppLocale;
  intl: IntlShape;
}

const cache = createIntlCache();
const pseudoLocaleKey = 'tandem.pseudoLocale';

function intlFor(locale: AppLocale, messages: Messages): IntlShape {
  return createIntl(
    {
      // The pseudo-locale formats dates and numbers as English does; only its words are marked.
      locale: locale === pseudoLocale ? 'en' : locale,
      defaultLocale: 'en',
      messages,
      onError: (error) => {
        // English has no catalogue: its words are the defaultMessage beside each id.
        if (error.code === 'MISSING_TRANSLATION' && locale === 'en') return;
        console.error(error);
      },
    },
    cache,
  );
}

let current: CurrentLocale = { locale: 'en', intl: intlFor('en', {}) };
const listeners = new Set<() => void>();
let pending: AppLocale | undefined;

export function subscribeToLocale(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentLocale(): CurrentLocale {
  return current;
}

/** The formatter for code outside React; components use `useIntl()`. */
export function currentIntl(): IntlShape {
  return current.intl;
}

export function pseudoLocaleRequested(): boolean {
  try {
    return globalThis.localStorage?.getItem(pseudoLocaleKey) === '1';
  } catch {
    return false;
  }
}

export function browserLanguage(): UiLanguage {
  const languages = globalThis.navigator?.languages ?? [globalThis.navigator?.language];
  return matchUiLanguage(languages);
}

/** The locale a language is shown in: itself, unless the pseudo-locale was asked for. */
export function localeFor(language: UiLanguage): AppLocale {
  return pseudoLocaleRequested() ? pseudoLocale : language;
}

/** Loads the catalogue, then switches every page at once (the old words stay until the new ones arrive). */
export async function switchLocale(locale: AppLocale): Promise<void> {
  if (current.locale === locale) return;
  pending = locale;
  const messages = await loadMessages(locale);
  if (pending !== locale) return; // a later switch won
  pending = undefined;
  current = { locale, intl: intlFor(locale, messages) };
  if (globalThis.document) document.documentElement.lang = locale === pseudoLocale ? 'en' : locale;
  for (const listener of listeners) listener();
}
