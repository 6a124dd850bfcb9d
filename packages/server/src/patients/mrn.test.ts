import { describe, expect, it } from 'vitest';
import { formatMrn } from './mrn.ts';

describe('formatMrn', () => {
  it('pads to seven digits so that text order is registration order', () => {
    expect(formatMrn(1)).toBe('0000001');
    expect(formatMrn(1234567)).toBe('1234567');
    expect(formatMrn(12345678)).toBe('12345678');
    expect([formatMrn(9), formatMrn(10)].sort()).toEqual(['0000009', '0000010']);
  });

  it('refuses what is not a counter value', () => {
    for (const value of [0, -1, 1.5, Number.NaN]) expect(() => formatMrn(value)).toThrow(RangeError);
  });
});
