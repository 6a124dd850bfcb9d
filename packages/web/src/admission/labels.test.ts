import { referralSourceLabels } from '@tandem/core/admission/vocabulary';
import { describe, expect, it } from 'vitest';
import { episodeSpanLabel, levelOfCareLabel, optionsOf } from './labels.ts';

describe('admission labels', () => {
  it('turns a vocabulary into options in its order', () => {
    const options = optionsOf(referralSourceLabels);
    expect(options[0]).toEqual({ value: 'self', label: 'Individual (self, family or friend)' });
    expect(options).toHaveLength(7);
  });

  it('reads a level of care with or without an ASAM level', () => {
    expect(levelOfCareLabel('outpatient', { edition: '4', level: '1.5' })).toBe(
      'Outpatient · ASAM 4th ed. 1.5',
    );
    expect(levelOfCareLabel('maintenance_only', null)).toBe('Maintenance only');
  });

  it('says whether an episode is still in treatment', () => {
    expect(episodeSpanLabel({ admittedOn: '2026-01-05', dischargedOn: null, dischargeType: null })).toBe(
      'Admitted 2026-01-05 · in treatment',
    );
    expect(
      episodeSpanLabel({
        admittedOn: '2026-01-05',
        dischargedOn: '2026-03-01',
        dischargeType: 'against_advice',
      }),
    ).toBe('Admitted 2026-01-05 · Discharged 2026-03-01 (left against clinical advice)');
  });
});
