import { defineMessages, type IntlShape } from 'react-intl';
import type { PatientRegistration } from './api.ts';

export interface RegistrationFormValues {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sexAssignedAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  genderIdentity: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  email: string;
  phone: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelationship: string;
  preferredTherapistGender: '' | 'woman' | 'man' | 'non_binary';
}

export const emptyRegistration: RegistrationFormValues = {
  legalGivenName: '',
  legalFamilyName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  sexAssignedAtBirth: 'unknown',
  genderIdentity: '',
  preferredLanguage: 'en',
  interpreterNeeded: false,
  email: '',
  phone: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  region: '',
  postalCode: '',
  country: 'US',
  emergencyContactName: '',
  emergencyContactPhone: '',
  emergencyContactRelationship: '',
  preferredTherapistGender: '',
};

export type RegistrationErrors = Partial<Record<keyof RegistrationFormValues, string>>;

const phonePattern = /^[0-9+()\-.\s]*$/;
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const languagePattern = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const messages = defineMessages({
  legalGivenName: {
    id: 'admission.registrationForm.legalGivenNameMissing',
    defaultMessage: 'Enter the legal given name',
  },
  legalFamilyName: {
    id: 'admission.registrationForm.legalFamilyNameMissing',
    defaultMessage: 'Enter the legal family name',
  },
  dateOfBirthMissing: {
    id: 'admission.registrationForm.dateOfBirthMissing',
    defaultMessage: 'Enter the date of birth',
  },
  dateOfBirthTooEarly: {
    id: 'admission.registrationForm.dateOfBirthTooEarly',
    defaultMessage: 'Enter a date of birth after 1900',
  },
  dateOfBirthInFuture: {
    id: 'admission.registrationForm.dateOfBirthInFuture',
    defaultMessage: 'The date of birth cannot be in the future',
  },
  preferredLanguage: {
    id: 'admission.registrationForm.preferredLanguageMissing',
    defaultMessage: 'Choose the preferred language',
  },
  email: { id: 'admission.registrationForm.emailInvalid', defaultMessage: 'Enter an email address' },
  phone: {
    id: 'admission.registrationForm.phoneInvalid',
    defaultMessage: 'Use digits, spaces and + ( ) - only',
  },
  country: {
    id: 'admission.registrationForm.countryInvalid',
    defaultMessage: 'Use a two-letter country code such as US',
  },
});

/** The checks the server makes too, before sending: the message appears on the field at once. */
export function validateRegistration(
  intl: IntlShape,
  values: RegistrationFormValues,
  today: string,
): RegistrationErrors {
  const errors: RegistrationErrors = {};
  const say = (field: keyof RegistrationFormValues, message: keyof typeof messages) => {
    errors[field] = intl.formatMessage(messages[message]);
  };
  if (values.legalGivenName.trim() === '') say('legalGivenName', 'legalGivenName');
  if (values.legalFamilyName.trim() === '') say('legalFamilyName', 'legalFamilyName');
  if (!isCalendarDate(values.dateOfBirth)) say('dateOfBirth', 'dateOfBirthMissing');
  else if (values.dateOfBirth < '1900-01-01') say('dateOfBirth', 'dateOfBirthTooEarly');
  else if (values.dateOfBirth > today) say('dateOfBirth', 'dateOfBirthInFuture');
  if (!languagePattern.test(values.preferredLanguage.trim())) say('preferredLanguage', 'preferredLanguage');
  if (values.email.trim() !== '' && !emailPattern.test(values.email.trim())) say('email', 'email');
  if (!phonePattern.test(values.phone)) say('phone', 'phone');
  if (!phonePattern.test(values.emergencyContactPhone)) say('emergencyContactPhone', 'phone');
  if (!/^[A-Z]{2}$/.test(values.country.trim())) say('country', 'country');
  return errors;
}

const optional = (value: string) => (value.trim() === '' ? null : value.trim());

export function registrationBody(
  values: RegistrationFormValues,
  confirmedNotDuplicate: boolean,
): PatientRegistration {
  return {
    legalGivenName: values.legalGivenName.trim(),
    legalFamilyName: values.legalFamilyName.trim(),
    preferredName: optional(values.preferredName),
    pronouns: optional(values.pronouns),
    dateOfBirth: values.dateOfBirth,
    sexAssignedAtBirth: values.sexAssignedAtBirth,
    genderIdentity: optional(values.genderIdentity),
    preferredLanguage: values.preferredLanguage.trim(),
    interpreterNeeded: values.interpreterNeeded,
    email: optional(values.email),
    phone: optional(values.phone),
    addressLine1: optional(values.addressLine1),
    addressLine2: optional(values.addressLine2),
    city: optional(values.city),
    region: optional(values.region),
    postalCode: optional(values.postalCode),
    country: values.country.trim(),
    emergencyContactName: optional(values.emergencyContactName),
    emergencyContactPhone: optional(values.emergencyContactPhone),
    emergencyContactRelationship: optional(values.emergencyContactRelationship),
    preferredTherapistGender: values.preferredTherapistGender === '' ? null : values.preferredTherapistGender,
    confirmedNotDuplicate,
  };
}
