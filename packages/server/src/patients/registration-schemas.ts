import { clinicianGenders, patientStatuses } from '@tandem/core';
import { z } from 'zod';

export const sexesAssignedAtBirth = ['female', 'male', 'intersex', 'unknown'] as const;

const givenName = z
  .string()
  .trim()
  .min(1, 'Enter the legal given name')
  .max(100, 'Keep the name under 100 characters');
const familyName = z
  .string()
  .trim()
  .min(1, 'Enter the legal family name')
  .max(100, 'Keep the name under 100 characters');
/** Optional text: empty means none (the repository stores null). */
const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `Keep ${label} under ${max} characters`).nullable().optional();
const dateOfBirth = z.iso
  .date('Enter the date of birth as YYYY-MM-DD')
  // Only a well-formed date is compared (the format has its own message).
  .refine(
    (value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || value >= '1900-01-01',
    'Enter a date of birth after 1900',
  );
const phone = z
  .string()
  .trim()
  .max(40, 'Keep the phone number under 40 characters')
  .regex(/^[0-9+()\-.\s]*$/, 'Use digits, spaces and + ( ) - only')
  .nullable()
  .optional();
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.union([z.literal(''), z.email('Enter an email address')]))
  .nullable()
  .optional();
/** BCP 47 language tag as the patients table accepts it: en, es, vi, pt-BR. */
const preferredLanguage = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en, es or pt-BR');
const country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as US');

const demographicFields = {
  legalGivenName: givenName,
  legalFamilyName: familyName,
  preferredName: optionalText(100, 'the preferred name'),
  pronouns: optionalText(40, 'pronouns'),
  dateOfBirth,
  sexAssignedAtBirth: z.enum(sexesAssignedAtBirth, 'Choose female, male, intersex or unknown'),
  genderIdentity: optionalText(100, 'the gender identity'),
  preferredLanguage,
  /** Recorded beside the preferred language, which may be one the program does not speak. */
  interpreterNeeded: z.boolean('Answer whether an interpreter is needed with true or false'),
  email,
  phone,
  addressLine1: optionalText(200, 'the address'),
  addressLine2: optionalText(200, 'the address'),
  city: optionalText(100, 'the city'),
  region: optionalText(100, 'the state or region'),
  postalCode: optionalText(20, 'the postal code'),
  country,
  emergencyContactName: optionalText(200, 'the name'),
  emergencyContactPhone: phone,
  emergencyContactRelationship: optionalText(100, 'the relationship'),
  /** Honoured by therapist matching as a preference, never as a filter. */
  preferredTherapistGender: z.enum(clinicianGenders, 'Choose woman, man or non-binary').nullable().optional(),
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
