import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import esCatalogue from '../i18n/messages/es.json';
import {
  readsOfficialLanguage,
  redisclosureNotice,
  redisclosureStatement,
  redisclosureTranslations,
} from './redisclosure-notice.ts';

describe('the redisclosure notice (42 CFR 2.32)', () => {
  it('is translated from the official text word for word', () => {
    expect(redisclosureTranslations.notice.defaultMessage).toBe(redisclosureNotice);
    expect(redisclosureTranslations.statement.defaultMessage).toBe(redisclosureStatement);
  });

  it('formats as the official text in English, with nothing added or dropped', () => {
    const intl = createIntl({ locale: 'en', messages: {} });
    expect(intl.formatMessage(redisclosureTranslations.notice)).toBe(redisclosureNotice);
    expect(intl.formatMessage(redisclosureTranslations.statement)).toBe(redisclosureStatement);
  });

  it('has a Spanish translation made from the official text as it is now', () => {
    const catalogue: Record<string, { message: string; source: string }> = esCatalogue;
    for (const descriptor of Object.values(redisclosureTranslations)) {
      const translation = catalogue[descriptor.id as string];
      expect(translation?.source).toBe(descriptor.defaultMessage);
      expect(translation?.message).not.toBe(descriptor.defaultMessage);
    }
  });

  it('shows the official text alone only to English readers', () => {
    expect(readsOfficialLanguage('en')).toBe(true);
    expect(readsOfficialLanguage('es')).toBe(false);
  });
});
