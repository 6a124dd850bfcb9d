import { describe, expect, it } from 'vitest';
import { renderEnglish } from './render-english.ts';

describe('renderEnglish', () => {
  it('fills simple placeholders and leaves those without a value', () => {
    expect(renderEnglish('{name} is inactive; {other}.', { name: 'Dr. Casey Rivera' })).toBe(
      'Dr. Casey Rivera is inactive; {other}.',
    );
  });

  it('chooses a select option, else other', () => {
    const message = 'Not {what, select, patient {a patient id} other {a record id}}.';
    expect(renderEnglish(message, { what: 'patient' })).toBe('Not a patient id.');
    expect(renderEnglish(message, { what: 'record' })).toBe('Not a record id.');
  });

  it('chooses a plural form and writes the count for #', () => {
    const message = 'Try again in {minutes, plural, one {# minute} other {# minutes}}.';
    expect(renderEnglish(message, { minutes: 1 })).toBe('Try again in 1 minute.');
    expect(renderEnglish(message, { minutes: 15 })).toBe('Try again in 15 minutes.');
  });

  it('renders placeholders nested in an option', () => {
    expect(
      renderEnglish('{kind, select, staff {{name} is staff} other {unknown}}', {
        kind: 'staff',
        name: 'Sam',
      }),
    ).toBe('Sam is staff');
  });
});
