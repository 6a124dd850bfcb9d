import { describe, expect, it } from 'vitest';
import { conflictingFields } from './conflict.ts';

describe('conflictingFields', () => {
  it('lists only the fields where what was typed differs from the record now', () => {
    const mine = { presentingProblems: 'Mine', referralNote: null, coOccurringConditions: ['ptsd'] };
    const current = { presentingProblems: 'Theirs', referralNote: null, coOccurringConditions: ['ptsd'] };
    expect(
      conflictingFields(mine, current, ['presentingProblems', 'referralNote', 'coOccurringConditions']),
    ).toEqual([{ field: 'presentingProblems', mine: 'Mine', theirs: 'Theirs' }]);
  });

  it('treats a missing value as none', () => {
    expect(conflictingFields({ a: undefined }, { a: null }, ['a'])).toEqual([]);
    expect(conflictingFields({ a: ['x'] }, { a: ['x', 'y'] }, ['a'])).toHaveLength(1);
  });
});
