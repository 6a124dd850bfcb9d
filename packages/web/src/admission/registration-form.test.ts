import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../forms/use-tandem-form.ts';
import {
  emptyRegistration,
  type RegistrationFormValues,
  registrationBody,
  registrationFormChecks,
} from './registration-form.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const validateRegistration = (values: RegistrationFormValues, today: string) =>
  validateForm(intl, registrationFormChecks(intl, today), values);

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

  it('says what the server would say, in the reader’s words', () => {
    const spanish = createIntl({
      locale: 'es',
      messages: { 'admission.registrationForm.emailInvalid': 'Ingrese una dirección de correo electrónico' },
    });
    const errors = validateForm(spanish, registrationFormChecks(spanish, '2026-01-01'), {
      ...valid,
      email: 'ana@',
    });
    expect(errors).toEqual({ email: 'Ingrese una dirección de correo electrónico' });
  });

  it('checks the lengths the server checks', () => {
    expect(validateRegistration({ ...valid, pronouns: 'x'.repeat(41) }, '2026-01-01')).toEqual({
      pronouns: 'Keep pronouns under 40 characters',
    });
  });

  it('refuses a date of birth after today', () => {
    expect(validateRegistration({ ...valid, dateOfBirth: '2026-01-02' }, '2026-01-01').dateOfBirth).toMatch(
      /future/,
    );
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
