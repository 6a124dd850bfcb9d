import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { pseudoLocalize } from './pseudo-locale.ts';

const format = (message: string, values?: Record<string, unknown>) =>
  new IntlMessageFormat(pseudoLocalize(message), 'en').format(values) as string;

describe('pseudoLocalize', () => {
  it('brackets and accents the words but keeps the values as they are', () => {
    expect(format('Sign in as {name}', { name: 'Dana' })).toBe('⟦Sígñ íñ ás Dana⟧');
  });

  it('reaches into plurals and keeps the count', () => {
    expect(format('{count, plural, one {# patient} other {# patients}}', { count: 3 })).toBe('⟦3 pátíéñts⟧');
  });
});
