import { defineMessages } from '@formatjs/intl';
import { clinicianGenders, patientStatuses } from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  enterGivenName: { id: 'patients.errors.enterGivenName', defaultMessage: 'Enter the legal given name' },
  enterFamilyName: { id: 'patients.errors.enterFamilyName', defaultMessage: 'Enter the legal family name' },
  nameTooLong: {
    id: 'patients.errors.nameTooLong',
    defaultMessage: 'Keep the name under {maximum} characters',
  },
  preferredNameTooLong: {
    id: 'patients.errors.preferredNameTooLong',
    defaultMessage: 'Keep the preferred name under {maximum} characters',
  },
  pronounsTooLong: {
    id: 'patients.errors.pronounsTooLong',
    defaultMessage: 'Keep pronouns under {maximum} characters',
  },
  genderIdentityTooLong: {
    id: 'patients.errors.genderIdentityTooLong',
    defaultMessage: 'Keep the gender identity under {maximum} characters',
  },
  addressTooLong: {
    id: 'patients.errors.addressTooLong',
    defaultMessage: 'Keep the address under {maximum} characters',
  },
  cityTooLong: {
    id: 'patients.errors.cityTooLong',
    defaultMessage: 'Keep the city under {maximum} characters',
  },
  regionTooLong: {
    id: 'patients.errors.regionTooLong',
    defaultMessage: 'Keep the state or region under {maximum} characters',
  },
  postalCodeTooLong: {
    id: 'patients.errors.postalCodeTooLong',
    defaultMessage: 'Keep the postal code under {maximum} characters',
  },
  relationshipTooLong: {
    id: 'patients.errors.relationshipTooLong',
    defaultMessage: 'Keep the relationship under {maximum} characters',
  },
  dateOfBirthFormat: {
    id: 'patients.errors.dateOfBirthFormat',
    defaultMessage: 'Enter the date of birth as YYYY-MM-DD',
  },
  dateOfBirthAfter1900: {
    id: 'patients.errors.dateOfBirthAfter1900',
    defaultMessage: 'Enter a date of birth after 1900',
  },
  phoneTooLong: {
    id: 'patients.errors.phoneTooLong',
    defaultMessage: 'Keep the phone number under {maximum} characters',
  },
  phoneCharacters: {
    id: 'patients.errors.phoneCharacters',
    defaultMessage: 'Use digits, spaces and + ( ) - only',
  },
  enterEmail: { id: 'patients.errors.enterEmail', defaultMessage: 'Enter an email address' },
  languageTag: {
    id: 'patients.errors.languageTag',
    defaultMessage: 'Use a language tag such as en, es or pt-BR',
  },
  countryCode: {
    id: 'patients.errors.countryCode',
    defaultMessage: 'Use a two-letter country code such as US',
  },
  chooseSex: { id: 'patients.errors.chooseSex', defaultMessage: 'Choose female, male, intersex or unknown' },
  chooseTherapistGender: {
    id: 'patients.errors.chooseTherapistGender',
    defaultMessage: 'Choose woman, man or non-binary',
  },
});

export const sexesAssignedAtBirth = ['female', 'male', 'intersex', 'unknown'] as const;

const givenName = z.string().trim().min(1, errors.enterGivenName.id).max(100, errors.nameTooLong.id);
const familyName = z.string().trim().min(1, errors.enterFamilyName.id).max(100, errors.nameTooLong.id);
/** Optional text: empty means none (the repository stores null). `tooLong`: the message id when it is too long. */
const optionalText = (max: number, tooLong: string) =>
  z.string().trim().max(max, tooLong).nullable().optional();
const dateOfBirth = z.iso
  .date(errors.dateOfBirthFormat.id)
  // Only a well-formed date is compared (the format has its own message).
  .refine(
    (value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || value >= '1900-01-01',
    errors.dateOfBirthAfter1900.id,
  );
const phone = z
  .string()
  .trim()
  .max(40, errors.phoneTooLong.id)
  .regex(/^[0-9+()\-.\s]*$/, errors.phoneCharacters.id)
  .nullable()
  .optional();
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.union([z.literal(''), z.email(errors.enterEmail.id)]))
  .nullable()
  .optional();
/** BCP 47 language tag as the patients table accepts it: en, es, vi, pt-BR. */
const preferredLanguage = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, errors.languageTag.id);
const country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, errors.countryCode.id);

const demographicFields = {
  legalGivenName: givenName,
  legalFamilyName: familyName,
  preferredName: optionalText(100, errors.preferredNameTooLong.id),
  pronouns: optionalText(40, errors.pronounsTooLong.id),
  dateOfBirth,
  sexAssignedAtBirth: z.enum(sexesAssignedAtBirth, errors.chooseSex.id),
  genderIdentity: optionalText(100, errors.genderIdentityTooLong.id),
  preferredLanguage,
  /** Recorded beside the preferred language, which may be one the program does not speak. */
  interpreterNeeded: z.boolean('Answer whether an interpreter is needed with true or false'),
  email,
  phone,
  addressLine1: optionalText(200, errors.addressTooLong.id),
  addressLine2: optionalText(200, errors.addressTooLong.id),
  city: optionalText(100, errors.cityTooLong.id),
  region: optionalText(100, errors.regionTooLong.id),
  postalCode: optionalText(20, errors.postalCodeTooLong.id),
  country,
  emergencyContactName: optionalText(200, errors.nameTooLong.id),
  emergencyContactPhone: phone,
  emergencyContactRelationship: optionalText(100, errors.relationshipTooLong.id),
  /** Honoured by therapist matching as a preference, never as a filter. */
  preferredTherapistGender: z.enum(clinicianGenders, errors.chooseTherapistGender.id).nullable().optional(),
};

export const patientRegistrationSchema = z
  .object({
    ...demographicFields,
    preferredLanguage: preferredLanguage.default('en'),
    interpreterNeeded: demographicFields.interpreterNeeded.default(false),
    sexAssignedAtBirth: demographicFields.sexAssignedAtBirth.default('unknown'),
    country: country.default('US'),
    /** The person registering looked at the possible duplicates and says this is someone else. */
    confirmedNotDuplicate: z.boolean().default(false),
  })
  .meta({ id: 'PatientRegistration' });
export type PatientRegistration = z.infer<typeof patientRegistrationSchema>;

export const patientDemographicsUpdateSchema = z
  .object(demographicFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .meta({ id: 'PatientDemographicsUpdate' });
export type PatientDemographicsUpdate = z.infer<typeof patientDemographicsUpdateSchema>;

/** Everything registration records about a person: the record's demographics as staff edit them. */
export const patientDemographicsSchema = z
  .object({
    id: z.uuid(),
    mrn: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    dateOfBirth: z.iso.date(),
    sexAssignedAtBirth: z.enum(sexesAssignedAtBirth),
    genderIdentity: z.string().nullable(),
    preferredLanguage: z.string(),
    interpreterNeeded: z.boolean(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    addressLine1: z.string().nullable(),
    addressLine2: z.string().nullable(),
    city: z.string().nullable(),
    region: z.string().nullable(),
    postalCode: z.string().nullable(),
    country: z.string(),
    emergencyContactName: z.string().nullable(),
    emergencyContactPhone: z.string().nullable(),
    emergencyContactRelationship: z.string().nullable(),
    preferredTherapistGender: z.enum(clinicianGenders).nullable(),
    status: z.enum(patientStatuses),
    version: z.number().int(),
  })
  .meta({ id: 'PatientDemographics' });
export type PatientDemographics = z.infer<typeof patientDemographicsSchema>;

/** Name and date of birth in a body, never a URL: they are PHI. */
export const duplicateCheckSchema = z
  .object({
    legalGivenName: givenName,
    legalFamilyName: familyName,
    preferredName: optionalText(100, 'the preferred name'),
    dateOfBirth,
  })
  .meta({ id: 'PatientDuplicateCheck' });
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;

export const possibleDuplicateSchema = z
  .object({
    id: z.uuid(),
    mrn: z.string(),
    legalGivenName: z.string(),
    legalFamilyName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.iso.date(),
    status: z.enum(patientStatuses),
  })
  .meta({ id: 'PossibleDuplicate' });
export type PossibleDuplicate = z.infer<typeof possibleDuplicateSchema>;
