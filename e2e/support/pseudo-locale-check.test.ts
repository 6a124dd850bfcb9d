import { describe, expect, it } from 'vitest';
import { dataStrings, unwrappedRemainder, unwrappedTexts } from './pseudo-locale-check.ts';

const data = dataStrings({
  patient: { name: 'Pat Example', email: 'pat@example.org' },
  note: ['Sleeps badly'],
});

describe('the pseudo-locale check', () => {
  it('passes wrapped messages, nested ones, data and dates', () => {
    expect(unwrappedRemainder('⟦Sígñéd bý ⟦Dr⟧ Pat Example óñ⟧ Dec 6, 2026, 4:00 PM', data)).toBe('');
    expect(unwrappedRemainder('pat@example.org', data)).toBe('');
    expect(unwrappedRemainder('⟦Ñótés⟧: Sleeps badly', data)).toBe('');
  });

  it('fails on a word shown outside the marks that is not data', () => {
    expect(unwrappedRemainder('⟦Sáví⟧ Cancel', data)).toBe('Cancel');
    expect(unwrappedTexts([{ text: 'Save changes', where: 'aria-label' }], data)).toEqual([
      { text: 'Save changes', where: 'aria-label' },
    ]);
  });
});
