import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { AppLocale } from './locales.ts';

export type Messages = Record<string, MessageFormatElement[]>;

/**
 * The messages for a locale, loaded on demand so that a person reading English downloads no catalogue at all:
 * English is the `defaultMessage` beside each id in the code. Catalogues arrive already parsed (the build compiles
 * them, scripts/compiled-catalogues.ts), so the ICU parser never ships to the browser.
 */
export async function loadMessages(locale: AppLocale): Promise<Messages> {
  switch (locale) {
    case 'en':
      return {};
    case 'es':
      return (await import('virtual:tandem-messages/es')).default;
    case 'en-XA':
      return (await import('virtual:tandem-messages/en-XA')).default;
  }
}
