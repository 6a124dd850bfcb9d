import { describe, expect, it } from 'vitest';
import { actionLabel, humanize, resourceLabel } from './labels.ts';

describe('audit labels', () => {
  it('names known actions and resources in plain words, and shows unknown codes readably', () => {
    expect(actionLabel('read')).toBe('Viewed');
    expect(actionLabel('break_glass')).toBe('Broke the glass');
    expect(actionLabel('sign_out_everywhere')).toBe('Sign out everywhere');
    expect(resourceLabel('break_glass_grant')).toBe('Emergency access');
    expect(resourceLabel('treatment_plan')).toBe('Treatment plan');
    expect(humanize('')).toBe('');
  });
});
