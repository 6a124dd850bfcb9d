import type { UiLanguage } from '@tandem/core';

/**
 * Each language named in itself, as a language menu shows it, so that someone who cannot read the current one
 * still finds their own. Not translated, on purpose.
 */
export const languageEndonyms: Record<UiLanguage, string> = {
  en: 'English',
  es: 'Español',
};
