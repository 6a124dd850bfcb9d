import { describe, expect, it } from 'vitest';
import type { Instrument } from './instrument.ts';
import { bandOf, scoreResponse } from './score.ts';

const rating = { min: 0, max: 4, minLabel: { en: 'Never' }, maxLabel: { en: 'Always' } };

/** A made-up instrument that exercises every rule: a reversed item, a subscale, proration, a critical item. */
const sample: Instrument = {
  id: 'sample',
  version: 2,
  abbreviation: 'S',
  name: { en: 'Sample' },
  kind: 'validated',
  construct: 'test',
  instructions: null,
  items: [
    { id: 'a', text: { en: 'A' }, answers: rating, scored: true },
    { id: 'b', text: { en: 'B' }, answers: rating, scored: true, reverse: true },
    { id: 'c', text: { en: 'C' }, answers: rating, scored: true },
    { id: 'd', text: { en: 'D' }, answers: rating, scored: true, critical: { atLeast: 3, signal: 'safety' } },
    {
      id: 'e',
      text: { en: 'E' },
      answers: [
        { value: 0, label: { en: 'No' } },
        { value: 2, label: { en: 'Yes' } },
      ],
      scored: false,
    },
  ],
  total: {
    itemIds: ['a', 'b', 'c', 'd'],
    method: 'sum',
    missing: { kind: 'prorate', maxMissing: 1 },
    range: { min: 0, max: 16 },
    bands: [
      { id: 'low', min: 0, max: 7, label: { en: 'Low' }, clinical: false },
      { id: 'high', min: 8, max: 16, label: { en: 'High' }, clinical: true },
    ],
    higherIs: 'worse',
  },
  subscales: [
    {
      id: 'first-two',
      name: { en: 'First two' },
      itemIds: ['a', 'b'],
      method: 'mean',
      missing: { kind: 'refuse' },
      range: { min: 0, max: 4 },
      higherIs: 'worse',
    },
  ],
  answeredBy: 'patient',
  source: 'Made up for this test.',
  licence: { kind: 'tandem', statement: 'Test.' },
  languages: ['en'],
};

describe('scoreResponse', () => {
  it('sums with reversed items, averages subscales and finds the band', () => {
    const result = scoreResponse(sample, { a: 4, b: 0, c: 2, d: 1, e: 2 });
    expect(result).toEqual({
      ok: true,
      response: {
        instrumentId: 'sample',
        version: 2,
        total: {
          scored: true,
          value: 11,
          prorated: false,
          band: expect.objectContaining({ id: 'high' }),
          missingItemIds: [],
        },
        subscales: {
          'first-two': { scored: true, value: 4, prorated: false, band: null, missingItemIds: [] },
        },
        criticalAnswers: [],
        answeredCount: 5,
      },
    });
  });

  it('prorates within the rule and says which items were missing', () => {
    const result = scoreResponse(sample, { a: 1, b: 4, c: 2 });
    // (1 + 0 + 2) × 4 / 3 = 4
    expect(result.ok && result.response.total).toMatchObject({
      scored: true,
      value: 4,
      prorated: true,
      missingItemIds: ['d'],
    });
  });

  it('refuses to score beyond the rule, naming the missing items', () => {
    const result = scoreResponse(sample, { a: 1, d: null });
    expect(result.ok && result.response.total).toEqual({
      scored: false,
      reason: 'too-many-missing',
      missingItemIds: ['b', 'c', 'd'],
      maxMissing: 1,
    });
    expect(result.ok && result.response.subscales['first-two']).toMatchObject({ scored: false });
  });

  it('reports a critical answer even when nothing else can be scored', () => {
    const result = scoreResponse(sample, { d: 3 });
    expect(result.ok && result.response.criticalAnswers).toEqual([
      { itemId: 'd', value: 3, signal: 'safety' },
    ]);
    expect(result.ok && result.response.total?.scored).toBe(false);
  });

  it('names unknown items, answers that are not offered and values out of range, and scores nothing', () => {
    const result = scoreResponse(sample, { a: 5, b: 1.5, e: 1, z: 0 });
    expect(result).toEqual({
      ok: false,
      problems: [
        { itemId: 'a', problem: 'out-of-range', min: 0, max: 4 },
        { itemId: 'b', problem: 'out-of-range', min: 0, max: 4 },
        { itemId: 'e', problem: 'not-an-answer', allowed: [0, 2] },
        { itemId: 'z', problem: 'unknown-item' },
      ],
    });
  });
});

describe('bandOf', () => {
  const bands = [
    { id: 'low', min: 1, max: 3, label: { en: 'Low' }, clinical: false },
    { id: 'high', min: 4, max: 7, label: { en: 'High' }, clinical: true },
  ];
  it('puts a mean between two bands in the lower one', () => {
    expect(bandOf(bands, 3.5)?.id).toBe('low');
    expect(bandOf(bands, 4)?.id).toBe('high');
    expect(bandOf(bands, 0)).toBeNull();
    expect(bandOf(undefined, 3)).toBeNull();
  });
});
