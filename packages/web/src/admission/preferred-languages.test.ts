import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { preferredLanguageOptions, preferredLanguageTags } from './preferred-languages.ts';

describe('preferredLanguageOptions', () => {
  it('offers English and Spanish first, then the others by name in the reader’s language', () => {
    const english = preferredLanguageOptions(createIntl({ locale: 'en', messages: {} }));
    expect(english).toHaveLength(preferredLanguageTags.length);
    expect(english.slice(0, 2)).toEqual([
      { value: 'en', label: 'English' },
      { value: 'es', label: 'Spanish' },
    ]);
    const rest = english.slice(2).map((option) => option.label);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'en')));
    expect(english).toContainEqual({ value: 'ht', label: 'Haitian Creole' });
    expect(english).toContainEqual({ value: 'pt-BR', label: 'Brazilian Portuguese' });

    const spanish = preferredLanguageOptions(createIntl({ locale: 'es', messages: {}, onError: () => {} }));
    expect(spanish.slice(0, 2).map((option) => option.label)).toEqual(['Inglés', 'Español']);
    expect(spanish).toContainEqual({ value: 'vi', label: 'Vietnamita' });
  });

  it('keeps a language the list does not offer when the record already has it', () => {
    const options = preferredLanguageOptions(createIntl({ locale: 'en', messages: {} }), 'es-MX');
    expect(options).toContainEqual({ value: 'es-MX', label: 'Mexican Spanish' });
  });
});
