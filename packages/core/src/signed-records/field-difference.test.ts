import { describe, expect, it } from 'vitest';
import { describeFieldChange, fieldDifference } from './field-difference.ts';

describe('fieldDifference', () => {
  const labels = { problem: 'Problem', goals: 'Goal', frequency: 'Frequency' };

  it('lists each changed field with its label, in the order the record type gives', () => {
    const changes = fieldDifference(
      { problem: 'Opioid use', goals: ['Stay sober'], frequency: 'weekly' },
      { problem: 'Opioid use', goals: ['No use for 90 days', 'Return to work'], frequency: 'twice weekly' },
      labels,
    );
    expect(changes).toEqual([
      { path: 'goals.0', label: 'Goal #1', before: 'Stay sober', after: 'No use for 90 days' },
      { path: 'goals.1', label: 'Goal #2', before: null, after: 'Return to work' },
      { path: 'frequency', label: 'Frequency', before: 'weekly', after: 'twice weekly' },
    ]);
    expect(changes.map(describeFieldChange)).toEqual([
      'Goal #1: "Stay sober" -> "No use for 90 days"',
      'Goal #2: (empty) -> "Return to work"',
      'Frequency: "weekly" -> "twice weekly"',
    ]);
  });

  it('compares nested objects by path and finds nothing when nothing changed', () => {
    const before = { dose: { amount: 8, unit: 'mg' }, note: null };
    expect(fieldDifference(before, { dose: { unit: 'mg', amount: 8 }, note: null })).toEqual([]);
    expect(fieldDifference(before, { dose: { amount: 12, unit: 'mg' }, note: 'raised' })).toEqual([
      { path: 'dose.amount', label: 'dose amount', before: 8, after: 12 },
      { path: 'note', label: 'note', before: null, after: 'raised' },
    ]);
  });

  it('shows a removed field as emptied', () => {
    expect(fieldDifference({ a: 1, b: 2 }, { a: 1 })).toEqual([
      { path: 'b', label: 'b', before: 2, after: null },
    ]);
  });
});
