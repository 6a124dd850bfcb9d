import { defineMessages } from '@formatjs/intl';
import { clinicianGenders, patientStatuses } from '@tandem/core';
import { sexesAssignedAtBirth } from '@tandem/core/patients/registration-request';
import { z } from 'zod';

// The request rules are core's, shared with the web's forms.
export {
  type DuplicateCheck,
  duplicateCheckSchema,
  type PatientDemographicsUpdate,
  type PatientRegistration,
  patientDemographicsUpdateSchema,
  patientRegistrationSchema,
  sexesAssignedAtBirth,
} from '@tandem/core/patients/registration-request';

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
