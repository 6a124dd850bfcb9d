// The rules of a registration request, one definition for the server (which validates the body) and the web
// (which validates the same body before sending it). Messages are English, keyed by a code: the server sends the
// English in problem+json as before, the web words each code in the reader's language.
import { z } from 'zod';
import { clinicianGenders } from '../admission/vocabulary.ts';

export const sexesAssignedAtBirth = ['female', 'male', 'intersex', 'unknown'] as const;

export const registrationMessages = {
  legalGivenNameMissing: 'Enter the legal given name',
  legalFamilyNameMissing: 'Enter the legal family name',
  nameTooLong: 'Keep the name under 100 characters',
  preferredNameTooLong: 'Keep the preferred name under 100 characters',
  pronounsTooLong: 'Keep pronouns under 40 characters',
  genderIdentityTooLong: 'Keep the gender identity under 100 characters',
  addressTooLong: 'Keep the address under 200 characters',
  cityTooLong: 'Keep the city under 100 characters',
  regionTooLong: 'Keep the state or region under 100 characters',
  postalCodeTooLong: 'Keep the postal code under 20 characters',
  contactNameTooLong: 'Keep the name under 200 characters',
  relationshipTooLong: 'Keep the relationship under 100 characters',
  dateOfBirthFormat: 'Enter the date of birth as YYYY-MM-DD',
  dateOfBirthTooEarly: 'Enter a date of birth after 1900',
  phoneTooLong: 'Keep the phone number under 40 characters',
  phoneCharacters: 'Use digits, spaces and + ( ) - only',
  emailInvalid: 'Enter an email address',
  languageTag: 'Use a language tag such as en, es or pt-BR',
  countryCode: 'Use a two-letter country code such as US',
  sexAssignedAtBirth: 'Choose female, male, intersex or unknown',
  interpreterNeeded: 'Answer whether an interpreter is needed with true or false',
  therapistGender: 'Choose woman, man or non-binary',
} as const;
export type RegistrationMessage = keyof typeof registrationMessages;
const say = registrationMessages;

const givenName = z.string().trim().min(1, say.legalGivenNameMissing).max(100, say.nameTooLong);
const familyName = z.string().trim().min(1, say.legalFamilyNameMissing).max(100, say.nameTooLong);
/** Optional text: empty means none (the repository stores null). */
const optionalText = (max: number, message: string) =>
  z.string().trim().max(max, message).nullable().optional();
const dateOfBirth = z.iso
  .date(say.dateOfBirthFormat)
  // Only a well-formed date is compared (the format has its own message).
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || value >= '1900-01-01', say.dateOfBirthTooEarly);
const phone = z
  .string()
  .trim()
  .max(40, say.phoneTooLong)
  .regex(/^[0-9+()\-.\s]*$/, say.phoneCharacters)
  .nullable()
  .optional();
const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .pipe(z.union([z.literal(''), z.email(say.emailInvalid)]))
  .nullable()
  .optional();
/** BCP 47 language tag as the patients table accepts it: en, es, vi, pt-BR. */
const preferredLanguage = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, say.languageTag);
const country = z
  .string()
  .trim()
  .regex(/^[A-Z]{2}$/, say.countryCode);

export const demographicFields = {
  legalGivenName: givenName,
  legalFamilyName: familyName,
  preferredName: optionalText(100, say.preferredNameTooLong),
  pronouns: optionalText(40, say.pronounsTooLong),
  dateOfBirth,
  sexAssignedAtBirth: z.enum(sexesAssignedAtBirth, say.sexAssignedAtBirth),
  genderIdentity: optionalText(100, say.genderIdentityTooLong),
  preferredLanguage,
  /** Recorded beside the preferred language, which may be one the program does not speak. */
  interpreterNeeded: z.boolean(say.interpreterNeeded),
  email,
  phone,
  addressLine1: optionalText(200, say.addressTooLong),
  addressLine2: optionalText(200, say.addressTooLong),
  city: optionalText(100, say.cityTooLong),
  region: optionalText(100, say.regionTooLong),
  postalCode: optionalText(20, say.postalCodeTooLong),
  country,
  emergencyContactName: optionalText(200, say.contactNameTooLong),
  emergencyContactPhone: phone,
  emergencyContactRelationship: optionalText(100, say.relationshipTooLong),
  /** Honoured by therapist matching as a preference, never as a filter. */
  preferredTherapistGender: z.enum(clinicianGenders, say.therapistGender).nullable().optional(),
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

/** Name and date of birth in a body, never a URL: they are PHI. */
export const duplicateCheckSchema = z
  .object({
    legalGivenName: givenName,
    legalFamilyName: familyName,
    preferredName: optionalText(100, say.preferredNameTooLong),
    dateOfBirth,
  })
  .meta({ id: 'PatientDuplicateCheck' });
export type DuplicateCheck = z.infer<typeof duplicateCheckSchema>;
