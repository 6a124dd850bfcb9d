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

/** The checks the server makes too, before sending: the message appears on the field at once. */
export function validateRegistration(values: RegistrationFormValues, today: string): RegistrationErrors {
  const errors: RegistrationErrors = {};
  if (values.legalGivenName.trim() === '') errors.legalGivenName = 'Enter the legal given name';
  if (values.legalFamilyName.trim() === '') errors.legalFamilyName = 'Enter the legal family name';
  if (!isCalendarDate(values.dateOfBirth)) errors.dateOfBirth = 'Enter the date of birth';
  else if (values.dateOfBirth < '1900-01-01') errors.dateOfBirth = 'Enter a date of birth after 1900';
  else if (values.dateOfBirth > today) errors.dateOfBirth = 'The date of birth cannot be in the future';
  if (!languagePattern.test(values.preferredLanguage.trim()))
    errors.preferredLanguage = 'Use a language tag such as en, es or pt-BR';
  if (values.email.trim() !== '' && !emailPattern.test(values.email.trim()))
    errors.email = 'Enter an email address';
  if (!phonePattern.test(values.phone)) errors.phone = 'Use digits, spaces and + ( ) - only';
  if (!phonePattern.test(values.emergencyContactPhone))
    errors.emergencyContactPhone = 'Use digits, spaces and + ( ) - only';
  if (!/^[A-Z]{2}$/.test(values.country.trim())) errors.country = 'Use a two-letter country code such as US';
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
