import { describe, expect, it } from 'vitest';
import { acceptLanguagePreferences } from './accept-language.ts';
import { matchUiLanguage } from './ui-languages.ts';

describe('acceptLanguagePreferences', () => {
  it('orders by quality, keeping the header order on ties', () => {
    expect(acceptLanguagePreferences('en;q=0.5, es-MX, es;q=0.9, fr;q=0.9')).toEqual([
      'es-MX',
      'es',
      'fr',
      'en',
    ]);
  });

  it('ignores what asks for nothing, and an absent header', () => {
    expect(acceptLanguagePreferences('*, de;q=0, es')).toEqual(['es']);
    expect(acceptLanguagePreferences(undefined)).toEqual([]);
    expect(acceptLanguagePreferences('')).toEqual([]);
  });

  it('leads a browser set to Mexican Spanish to Spanish pages', () => {
    expect(matchUiLanguage(acceptLanguagePreferences('es-MX,es;q=0.9,en-US;q=0.8,en;q=0.7'))).toBe('es');
  });
});
