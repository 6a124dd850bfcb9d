import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { emptyRegistration, registrationBody, validateRegistration } from './registration-form.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const valid = {
  ...emptyRegistration,
  legalGivenName: 'Ana',
  legalFamilyName: 'Lima',
  dateOfBirth: '1990-02-28',
};

describe('validateRegistration', () => {
  it('accepts the fewest fields registration needs', () => {
    expect(validateRegistration(intl, valid, '2026-01-01')).toEqual({});
  });

  it('puts a message on each wrong field', () => {
    const errors = validateRegistration(
      intl,
      {
        ...valid,
        legalFamilyName: ' ',
        dateOfBirth: '1990-02-30',
        preferredLanguage: 'Spanish',
        email: 'ana@',
        phone: 'call me',
        country: 'usa',
      },
      '2026-01-01',
    );
    expect(Object.keys(errors).sort()).toEqual(
      ['country', 'dateOfBirth', 'email', 'legalFamilyName', 'phone', 'preferredLanguage'].sort(),
    );
  });

  it('refuses a date of birth after today', () => {
    expect(
      validateRegistration(intl, { ...valid, dateOfBirth: '2026-01-02' }, '2026-01-01').dateOfBirth,
    ).toMatch(/future/);
  });
});

describe('registrationBody', () => {
  it('sends the preferred language and whether an interpreter is needed', () => {
    const body = registrationBody({ ...valid, preferredLanguage: 'vi', interpreterNeeded: true }, false);
    expect(body).toMatchObject({ preferredLanguage: 'vi', interpreterNeeded: true });
  });

  it('sends blanks as none and trims names', () => {
    const body = registrationBody({ ...valid, legalGivenName: ' Ana ', preferredName: ' ' }, false);
    expect(body).toMatchObject({
      legalGivenName: 'Ana',
      preferredName: null,
      email: null,
      preferredTherapistGender: null,
      interpreterNeeded: false,
      confirmedNotDuplicate: false,
    });
  });
});
