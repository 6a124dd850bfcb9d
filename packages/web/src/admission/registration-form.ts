import {
  patientRegistrationSchema,
  type RegistrationMessage,
  registrationMessages,
} from '@tandem/core/patients/registration-request';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import { type SchemaMessages, schemaMessages } from '../forms/schema-messages.ts';
import type { TandemFormOptions } from '../forms/use-tandem-form.ts';
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

/** The reader's words for core's registration rules (the server's messages too). */
const ruleWords: Record<RegistrationMessage, MessageDescriptor> = defineMessages({
  legalGivenNameMissing: {
    id: 'admission.registrationForm.legalGivenNameMissing',
    defaultMessage: 'Enter the legal given name',
  },
  legalFamilyNameMissing: {
    id: 'admission.registrationForm.legalFamilyNameMissing',
    defaultMessage: 'Enter the legal family name',
  },
  nameTooLong: {
    id: 'admission.registrationForm.nameTooLong',
    defaultMessage: 'Keep the name under 100 characters',
  },
  preferredNameTooLong: {
    id: 'admission.registrationForm.preferredNameTooLong',
    defaultMessage: 'Keep the preferred name under 100 characters',
  },
  pronounsTooLong: {
    id: 'admission.registrationForm.pronounsTooLong',
    defaultMessage: 'Keep pronouns under 40 characters',
  },
  genderIdentityTooLong: {
    id: 'admission.registrationForm.genderIdentityTooLong',
    defaultMessage: 'Keep the gender identity under 100 characters',
  },
  addressTooLong: {
    id: 'admission.registrationForm.addressTooLong',
    defaultMessage: 'Keep the address under 200 characters',
  },
  cityTooLong: {
    id: 'admission.registrationForm.cityTooLong',
    defaultMessage: 'Keep the city under 100 characters',
  },
  regionTooLong: {
    id: 'admission.registrationForm.regionTooLong',
    defaultMessage: 'Keep the state or region under 100 characters',
  },
  postalCodeTooLong: {
    id: 'admission.registrationForm.postalCodeTooLong',
    defaultMessage: 'Keep the postal code under 20 characters',
  },
  contactNameTooLong: {
    id: 'admission.registrationForm.contactNameTooLong',
    defaultMessage: 'Keep the name under 200 characters',
  },
  relationshipTooLong: {
    id: 'admission.registrationForm.relationshipTooLong',
    defaultMessage: 'Keep the relationship under 100 characters',
  },
  dateOfBirthFormat: {
    id: 'admission.registrationForm.dateOfBirthFormat',
    defaultMessage: 'Enter the date of birth as YYYY-MM-DD',
  },
  dateOfBirthTooEarly: {
    id: 'admission.registrationForm.dateOfBirthTooEarly',
    defaultMessage: 'Enter a date of birth after 1900',
  },
  phoneTooLong: {
    id: 'admission.registrationForm.phoneTooLong',
    defaultMessage: 'Keep the phone number under 40 characters',
  },
  phoneCharacters: {
    id: 'admission.registrationForm.phoneInvalid',
    defaultMessage: 'Use digits, spaces and + ( ) - only',
  },
  emailInvalid: { id: 'admission.registrationForm.emailInvalid', defaultMessage: 'Enter an email address' },
  languageTag: {
    id: 'admission.registrationForm.languageTag',
    defaultMessage: 'Use a language tag such as en, es or pt-BR',
  },
  countryCode: {
    id: 'admission.registrationForm.countryInvalid',
    defaultMessage: 'Use a two-letter country code such as US',
  },
  sexAssignedAtBirth: {
    id: 'admission.registrationForm.sexAssignedAtBirth',
    defaultMessage: 'Choose female, male, intersex or unknown',
  },
  interpreterNeeded: {
    id: 'admission.registrationForm.interpreterNeeded',
    defaultMessage: 'Answer whether an interpreter is needed with true or false',
  },
  therapistGender: {
    id: 'admission.registrationForm.therapistGender',
    defaultMessage: 'Choose woman, man or non-binary',
  },
});

export const registrationRuleMessages: SchemaMessages = schemaMessages(registrationMessages, ruleWords);

/** Checks only the browser makes: it knows the program's today, and says "missing" before "malformed". */
const ownWords = defineMessages({
  dateOfBirthMissing: {
    id: 'admission.registrationForm.dateOfBirthMissing',
    defaultMessage: 'Enter the date of birth',
  },
  dateOfBirthInFuture: {
    id: 'admission.registrationForm.dateOfBirthInFuture',
    defaultMessage: 'The date of birth cannot be in the future',
  },
  preferredLanguage: {
    id: 'admission.registrationForm.preferredLanguageMissing',
    defaultMessage: 'Choose the preferred language',
  },
});

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * How the registration form checks itself: core's registration schema (the server's) on the body it would
 * send, then the browser's own checks.
 */
export function registrationFormChecks(
  intl: IntlShape,
  today: string,
): Omit<TandemFormOptions<RegistrationFormValues>, 'initialValues'> {
  return {
    schema: patientRegistrationSchema,
    toRequest: (values) => registrationBody(values, false),
    messages: registrationRuleMessages,
    rules: (values) => {
      const errors: Partial<Record<keyof RegistrationFormValues, string>> = {};
      if (!isCalendarDate(values.dateOfBirth)) {
        errors.dateOfBirth = intl.formatMessage(ownWords.dateOfBirthMissing);
      } else if (values.dateOfBirth > today) {
        errors.dateOfBirth = intl.formatMessage(ownWords.dateOfBirthInFuture);
      }
      if (values.preferredLanguage.trim() === '') {
        errors.preferredLanguage = intl.formatMessage(ownWords.preferredLanguage);
      }
      return errors;
    },
  };
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
