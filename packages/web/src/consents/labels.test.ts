import { disclosureCategoryLabels as coreCategoryLabels } from '@tandem/core/consent/categories';
import { consentTermsProblemMessages } from '@tandem/core/consent/new-consent';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  categoryList,
  consentPeriod,
  consentTermsProblemLabels,
  disclosureCategoryLabels,
  formatDate,
} from './labels.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('consent labels', () => {
  it('keeps calendar dates on their day in every time zone', () => {
    expect(formatDate(intl, '2026-03-01')).toMatch(/1/);
    expect(formatDate(intl, '2026-03-01')).not.toMatch(/Feb/);
  });

  it('says until when a consent runs, by date, event or whichever comes first', () => {
    expect(
      consentPeriod(intl, { startsOn: '2026-03-01', expiresOn: null, expiryEvent: 'discharge' }),
    ).toMatch(/^From .+ until discharge\.$/);
    expect(
      consentPeriod(intl, { startsOn: '2026-03-01', expiresOn: '2027-03-01', expiryEvent: 'discharge' }),
    ).toMatch(/ or discharge, whichever comes first\.$/);
  });

  it('names the categories as the consent form does', () => {
    expect(categoryList(intl, ['attendance', 'drug_test_results'])).toBe(
      'Attendance and appointments, Drug test results',
    );
    expect(categoryList(intl, ['attendance', 'psychotherapy_notes'])).toBe(
      'Attendance and appointments, psychotherapy_notes',
    );
  });

  it('words in English what core and the API say in English', () => {
    for (const [category, label] of Object.entries(disclosureCategoryLabels)) {
      expect(label.defaultMessage).toBe(coreCategoryLabels[category as keyof typeof coreCategoryLabels]);
    }
    for (const [problem, label] of Object.entries(consentTermsProblemLabels)) {
      expect(label.defaultMessage).toBe(
        consentTermsProblemMessages[problem as keyof typeof consentTermsProblemMessages],
      );
    }
  });
});
