import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { actionLabel, formatShortTime, humanize, resourceLabel } from './labels.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('audit labels', () => {
  it('names known actions and resources in plain words, and shows unknown codes readably', () => {
    expect(actionLabel(intl, 'read')).toBe('Viewed');
    expect(actionLabel(intl, 'break_glass')).toBe('Broke the glass');
    expect(actionLabel(intl, 'sign_out_everywhere')).toBe('Sign out everywhere');
    expect(resourceLabel(intl, 'break_glass_grant')).toBe('Emergency access');
    expect(resourceLabel(intl, 'treatment_plan')).toBe('Treatment plan');
    expect(resourceLabel(intl, 'toString')).toBe('ToString');
    expect(humanize('')).toBe('');
  });

  it('writes a moment in the language asked for', () => {
    const spanish = createIntl({ locale: 'es', messages: {}, timeZone: 'UTC' });
    const english = createIntl({ locale: 'en', messages: {}, timeZone: 'UTC' });
    expect(formatShortTime(english, '2026-12-06T15:04:00Z')).toMatch(/^Dec 6, 2026, 3:04\sPM$/);
    expect(formatShortTime(spanish, '2026-12-06T15:04:00Z')).toMatch(/^6 dic 2026, 15:04$/);
  });
});
