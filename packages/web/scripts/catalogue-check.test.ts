import { describe, expect, it } from 'vitest';
import { checkCatalogue } from './catalogue-check.ts';

const source = {
  'signIn.page.title': { defaultMessage: 'Sign in' },
  'patients.list.count': { defaultMessage: '{count, plural, one {# patient} other {# patients}}' },
};
const translated = {
  'signIn.page.title': { message: 'Iniciar sesión', source: 'Sign in' },
  'patients.list.count': {
    message: '{count, plural, one {# paciente} other {# pacientes}}',
    source: '{count, plural, one {# patient} other {# patients}}',
  },
};

describe('checkCatalogue', () => {
  it('passes a translation that matches the code', () => {
    expect(checkCatalogue(source, translated)).toEqual([]);
  });

  it('fails on a message the code gained and nobody translated', () => {
    const withNew = { ...source, 'consents.card.revoke': { defaultMessage: 'Revoke' } };
    expect(checkCatalogue(withNew, translated)).toEqual([{ kind: 'missing', id: 'consents.card.revoke' }]);
  });

  it('fails on a translation the code no longer uses', () => {
    const { 'signIn.page.title': _, ...rest } = source;
    expect(checkCatalogue(rest, translated)).toEqual([{ kind: 'unused', id: 'signIn.page.title' }]);
  });

  it('fails when the English changed after it was translated', () => {
    const changed = { ...source, 'signIn.page.title': { defaultMessage: 'Sign in to Tandem' } };
    expect(checkCatalogue(changed, translated)).toEqual([
      { kind: 'stale', id: 'signIn.page.title', was: 'Sign in', now: 'Sign in to Tandem' },
    ]);
  });

  it('fails on a translation that drops or renames a placeholder', () => {
    const dropped = {
      ...translated,
      'patients.list.count': { message: 'Pacientes', source: source['patients.list.count'].defaultMessage },
    };
    expect(checkCatalogue(source, dropped)).toEqual([
      { kind: 'arguments', id: 'patients.list.count', expected: ['count'], found: [] },
    ]);
  });

  it('fails on invalid ICU and on an id that names nothing', () => {
    const broken = {
      ...translated,
      'signIn.page.title': { message: 'Iniciar {sesión', source: 'Sign in' },
    };
    const problems = checkCatalogue({ ...source, Xyz: { defaultMessage: 'x' } }, broken);
    expect(problems.map((problem) => [problem.kind, problem.id])).toEqual([
      ['invalid', 'signIn.page.title'],
      ['unnamed', 'Xyz'],
      ['missing', 'Xyz'],
    ]);
  });
});
