import { describe, expect, it } from 'vitest';
import { isUiLanguage, matchUiLanguage, primaryLanguage } from './ui-languages.ts';

describe('matchUiLanguage', () => {
  it('takes the first preference Tandem is written in, by primary subtag', () => {
    expect(matchUiLanguage(['vi', 'es-MX', 'en-US'])).toBe('es');
    expect(matchUiLanguage(['EN-gb', 'es'])).toBe('en');
  });

  it('skips empty links of a preference chain and falls back when nothing matches', () => {
    expect(matchUiLanguage([null, undefined, '', 'es'])).toBe('es');
    expect(matchUiLanguage(['vi', 'pt-BR'])).toBe('en');
    expect(matchUiLanguage(['vi'], 'es')).toBe('es');
    expect(matchUiLanguage([])).toBe('en');
  });
});

describe('primaryLanguage and isUiLanguage', () => {
  it('reads the primary subtag and accepts only the written languages', () => {
    expect(primaryLanguage('es-419')).toBe('es');
    expect(isUiLanguage('es')).toBe(true);
    expect(isUiLanguage('es-MX')).toBe(false);
    expect(isUiLanguage('vi')).toBe(false);
    expect(isUiLanguage(undefined)).toBe(false);
  });
});
