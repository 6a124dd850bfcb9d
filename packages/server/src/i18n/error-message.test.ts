import { defineMessages } from '@formatjs/intl';
import { describe, expect, it } from 'vitest';
import { problemIn } from '../http/problem.ts';
import { formatErrorMessage, withValues } from './error-message.ts';
import { intlFor } from './intl.ts';

const messages = defineMessages<{ inactive: { name: string } }>({
  inactive: { id: 'auth.errors.resetInactive', defaultMessage: '{name} is inactive; reactivate them first.' },
});

describe('formatErrorMessage', () => {
  it('formats a message in the reader’s language, with its values', () => {
    const message = withValues(messages.inactive, { name: 'Dr. Casey Rivera' });
    expect(formatErrorMessage(intlFor('en'), message)).toBe(
      'Dr. Casey Rivera is inactive; reactivate them first.',
    );
    expect(formatErrorMessage(intlFor('es'), message)).toBe(
      'Dr. Casey Rivera está inactivo; reactívelo primero.',
    );
  });

  it('formats a catalogue id (what a route schema gives zod), and passes any other text as it is', () => {
    expect(formatErrorMessage(intlFor('es'), 'staff.errors.enterName')).toBe('Ingrese un nombre');
    expect(formatErrorMessage(intlFor('en'), 'staff.errors.enterName')).toBe('Enter a name');
    expect(formatErrorMessage(intlFor('es'), 'Invalid input: expected string')).toBe(
      'Invalid input: expected string',
    );
  });

  it('falls back to the English when a message does not format', () => {
    const broken = { id: 'test.errors.broken', defaultMessage: 'Keep it under {maximum, number characters' };
    expect(formatErrorMessage(intlFor('es'), broken)).toBe('Keep it under {maximum, number characters');
  });
});

describe('problemIn', () => {
  it('writes the title, the detail and each field’s message in the language, and keeps the rest', () => {
    const problem = problemIn('es', {
      type: 'urn:tandem:problem:invalid_input',
      title: { id: 'problem.title.invalidInput', defaultMessage: 'The request has invalid fields' },
      status: 400,
      detail: { id: 'problem.errors.invalidFields', defaultMessage: 'Some fields are missing or invalid.' },
      code: 'invalid_input',
      requestId: 'r-1',
      errors: [
        { path: 'body.displayName', message: 'staff.errors.enterName' },
        { path: 'body.other', message: 'Invalid input' },
      ],
      current: { version: 2 },
    });
    expect(problem).toEqual({
      type: 'urn:tandem:problem:invalid_input',
      title: 'La solicitud tiene campos no válidos',
      status: 400,
      detail: 'Faltan campos o algunos no son válidos.',
      code: 'invalid_input',
      requestId: 'r-1',
      errors: [
        { path: 'body.displayName', message: 'Ingrese un nombre' },
        { path: 'body.other', message: 'Invalid input' },
      ],
      current: { version: 2 },
    });
  });
});
