import { describe, expect, it } from 'vitest';
import { emptyRegistration, registrationBody, validateRegistration } from './registration-form.ts';

const valid = {
  ...emptyRegistration,
  legalGivenName: 'Ana',
  legalFamilyName: 'Lima',
  dateOfBirth: '1990-02-28',
};

describe('validateRegistration', () => {
  it('accepts the fewest fields registration needs', () => {
    expect(validateRegistration(valid, '2026-01-01')).toEqual({});
  });

  it('puts a message on each wrong field', () => {
    const errors = validateRegistration(
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
    expect(validateRegistration({ ...valid, dateOfBirth: '2026-01-02' }, '2026-01-01').dateOfBirth).toMatch(
      /future/,
    );
  });
});

describe('registrationBody', () => {
  it('sends blanks as none and trims names', () => {
    const body = registrationBody({ ...valid, legalGivenName: ' Ana ', preferredName: ' ' }, false);
    expect(body).toMatchObject({
      legalGivenName: 'Ana',
      preferredName: null,
      email: null,
      preferredTherapistGender: null,
      confirmedNotDuplicate: false,
    });
  });
});
