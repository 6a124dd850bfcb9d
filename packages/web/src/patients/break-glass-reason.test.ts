import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { breakGlassReasonError } from './break-glass-reason.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('the break-the-glass reason', () => {
  it('needs at least 10 characters once surrounding spaces are dropped, and at most 1000', () => {
    expect(breakGlassReasonError(intl, 'urgent')).toMatch(/at least 10 characters/);
    expect(breakGlassReasonError(intl, '   urgent!!   ')).toMatch(/at least 10 characters/);
    expect(breakGlassReasonError(intl, 'Overdose in the lobby')).toBeUndefined();
    expect(breakGlassReasonError(intl, 'x'.repeat(1000))).toBeUndefined();
    expect(breakGlassReasonError(intl, 'x'.repeat(1001))).toMatch(/under 1000/);
  });
});
