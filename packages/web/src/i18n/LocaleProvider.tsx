import type { UiLanguage } from '@tandem/core';
import { type ReactNode, useEffect, useSyncExternalStore } from 'react';
import { RawIntlProvider } from 'react-intl';
import { currentLocale, localeFor, subscribeToLocale, switchLocale } from './current-locale.ts';

/** Gives every component below `useIntl()` and `<FormattedMessage>` in the current locale. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { intl } = useSyncExternalStore(subscribeToLocale, currentLocale);
  return <RawIntlProvider value={intl}>{children}</RawIntlProvider>;
}

/**
 * Shows pages in `language` (the signed-in person's, or the browser's before sign-in); false while its catalogue
 * loads, so that a page never flashes in the wrong language.
 */
export function useFollowLanguage(language: UiLanguage): boolean {
  const { locale } = useSyncExternalStore(subscribeToLocale, currentLocale);
  const wanted = localeFor(language);
  useEffect(() => {
    void switchLocale(wanted);
  }, [wanted]);
  return locale === wanted;
}
