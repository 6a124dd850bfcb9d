import { describe, expect, it } from 'vitest';
import { breakGlassReasonError } from './break-glass-reason.ts';

describe('the break-the-glass reason', () => {
  it('needs at least 10 characters once surrounding spaces are dropped, and at most 1000', () => {
    expect(breakGlassReasonError('urgent')).toMatch(/at least 10 characters/);
    expect(breakGlassReasonError('   urgent!!   ')).toMatch(/at least 10 characters/);
    expect(breakGlassReasonError('Overdose in the lobby')).toBeUndefined();
    expect(breakGlassReasonError('x'.repeat(1000))).toBeUndefined();
    expect(breakGlassReasonError('x'.repeat(1001))).toMatch(/under 1000/);
  });
});
