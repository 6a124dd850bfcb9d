import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { episodeSpanLabel, levelOfCareLabel, optionsOf, referralSourceLabels } from './labels.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('admission labels', () => {
  it('turns a label map into options in the vocabulary’s order', () => {
    const options = optionsOf(intl, referralSourceLabels);
    expect(options[0]).toEqual({ value: 'self', label: 'Individual (self, family or friend)' });
    expect(options).toHaveLength(7);
  });

  it('reads a level of care with or without an ASAM level', () => {
    expect(levelOfCareLabel(intl, 'outpatient', { edition: '4', level: '1.5' })).toBe(
      'Outpatient · ASAM 4th ed. 1.5',
    );
    expect(levelOfCareLabel(intl, 'outpatient', { edition: '3', level: '1' })).toBe(
      'Outpatient · ASAM 3rd ed. 1',
    );
    expect(levelOfCareLabel(intl, 'maintenance_only', null)).toBe('Maintenance only');
  });

  it('says whether an episode is still in treatment, dates as the reader writes them', () => {
    expect(
      episodeSpanLabel(intl, { admittedOn: '2026-01-05', dischargedOn: null, dischargeType: null }),
    ).toBe('Admitted Jan 5, 2026 · in treatment');
    expect(
      episodeSpanLabel(intl, {
        admittedOn: '2026-01-05',
        dischargedOn: '2026-03-01',
        dischargeType: 'against_advice',
      }),
    ).toBe('Admitted Jan 5, 2026 · Discharged Mar 1, 2026 (left against clinical advice)');
  });
});
