import { createIntl, defineMessages } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { schemaMessages, wordMessage } from './schema-messages.ts';

const english = { nameMissing: 'Enter the name' } as const;
const words = defineMessages({ nameMissing: { id: 'test.nameMissing', defaultMessage: 'Enter the name' } });

describe('wordMessage', () => {
  it('words a known English message in the reader’s language', () => {
    const intl = createIntl({ locale: 'es', messages: { 'test.nameMissing': 'Ingrese el nombre' } });
    expect(wordMessage(intl, schemaMessages(english, words), 'Enter the name')).toBe('Ingrese el nombre');
  });

  it('leaves a message it does not know as sent', () => {
    const intl = createIntl({ locale: 'en', messages: {} });
    expect(wordMessage(intl, schemaMessages(english, words), 'Something else')).toBe('Something else');
    expect(wordMessage(intl, undefined, 'Enter the name')).toBe('Enter the name');
  });
});
