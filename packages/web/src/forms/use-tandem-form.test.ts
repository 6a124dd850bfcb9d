import { createIntl, defineMessages } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { schemaMessages } from './schema-messages.ts';
import { validateForm } from './use-tandem-form.ts';

const english = { nameMissing: 'Enter the name', tooMany: 'Keep it under 3' } as const;
const words = defineMessages({
  nameMissing: { id: 'test.nameMissing', defaultMessage: 'Enter the name' },
  tooMany: { id: 'test.tooMany', defaultMessage: 'Keep it under 3' },
});
const schema = z.object({
  name: z.string().trim().min(1, english.nameMissing),
  items: z.array(z.object({ count: z.number().max(3, english.tooMany) })),
});
const spanish = createIntl({
  locale: 'es',
  messages: { 'test.nameMissing': 'Ingrese el nombre', 'test.tooMany': 'Menos de 3' },
});

interface Values {
  name: string;
  items: { count: string }[];
}
const toRequest = (values: Values) => ({
  name: values.name,
  items: values.items.map((item) => ({ count: Number(item.count) })),
});

describe('validateForm', () => {
  it('checks the request the values make, with dotted paths, in the reader’s words', () => {
    const errors = validateForm(
      spanish,
      { schema, toRequest, messages: schemaMessages(english, words) },
      { name: ' ', items: [{ count: '1' }, { count: '4' }] },
    );
    expect(errors).toEqual({ name: 'Ingrese el nombre', 'items.1.count': 'Menos de 3' });
  });

  it('lets the form’s own rules speak last on a field', () => {
    const errors = validateForm(
      spanish,
      { schema, toRequest, rules: (values) => (values.name.trim() === '' ? { name: 'Propio' } : {}) },
      { name: '', items: [] },
    );
    expect(errors).toEqual({ name: 'Propio' });
  });

  it('finds nothing in a valid form', () => {
    expect(validateForm(spanish, { schema, toRequest }, { name: 'Ana', items: [{ count: '2' }] })).toEqual(
      {},
    );
  });
});
