import { describe, expect, it } from 'vitest';
import { hasPath, problemFields } from './problem-fields.ts';

const values = { email: '', substances: [{ route: '' }, { route: 'oral' }], asam: null };
const isField = (path: string) => hasPath(values, path);

describe('problemFields', () => {
  it('drops the request part and keeps dotted indices', () => {
    const { fields, unmatched } = problemFields(
      [
        { path: 'body.email', message: 'Enter an email address' },
        { path: 'substances.1.route', message: 'Choose how it is used' },
        { path: '/substances/0/route', message: 'Choose how it is used' },
      ],
      isField,
    );
    expect(fields).toEqual({
      email: 'Enter an email address',
      'substances.1.route': 'Choose how it is used',
      'substances.0.route': 'Choose how it is used',
    });
    expect(unmatched).toEqual([]);
  });

  it('keeps the first message of a field', () => {
    const { fields } = problemFields(
      [
        { path: 'email', message: 'first' },
        { path: 'body.email', message: 'second' },
      ],
      isField,
    );
    expect(fields).toEqual({ email: 'first' });
  });

  it('hands back what names no field of the form', () => {
    const { fields, unmatched } = problemFields(
      [
        { path: 'query.page', message: 'Too far' },
        { path: 'body', message: 'Send a body' },
        { path: 'substances.2.route', message: 'No such row' },
      ],
      isField,
    );
    expect(fields).toEqual({});
    expect(unmatched.map((error) => error.path)).toEqual(['query.page', 'body', 'substances.2.route']);
  });

  it('takes a field whose value is null', () => {
    expect(problemFields([{ path: 'body.asam', message: 'Choose a level' }], isField).fields).toEqual({
      asam: 'Choose a level',
    });
  });

  it('treats no errors as nothing to show', () => {
    expect(problemFields(undefined, isField)).toEqual({ fields: {}, unmatched: [] });
  });
});

describe('hasPath', () => {
  it('walks objects and arrays', () => {
    expect(hasPath(values, 'substances.1.route')).toBe(true);
    expect(hasPath(values, 'substances.3')).toBe(false);
    expect(hasPath(values, 'email.length')).toBe(false);
    expect(hasPath(values, 'nothing')).toBe(false);
  });
});
