import {
  clinicianGenders,
  coOccurringConditions,
  staffRoles,
  substanceClasses,
  therapeuticApproaches,
} from '@tandem/core';
import { z } from 'zod';

export const staffMemberSchema = z
  .object({
    id: z.uuid(),
    organizationId: z.uuid(),
    displayName: z.string(),
    email: z.string().nullable(),
    role: z.enum(staffRoles),
    credentials: z.array(z.string()),
    licenseNumber: z.string().nullable(),
    licenseState: z.string().nullable(),
    licenseExpiresOn: z.iso.date().nullable(),
    yearsAddictionExperience: z.number().int(),
    approaches: z.array(z.enum(therapeuticApproaches)),
    languages: z.array(z.string()),
    pronouns: z.string().nullable(),
    maxCaseload: z.number().int().nullable(),
    /** What therapist matching weighs besides approaches, languages and years. */
    gender: z.enum(clinicianGenders).nullable(),
    /** Years of experience per substance class: {"opioids": 8, "alcohol": 3}. */
    substanceExperience: z.partialRecord(z.enum(substanceClasses), z.number().int()),
    conditionExperience: z.array(z.enum(coOccurringConditions)),
    /** False keeps them in matching's list, but unavailable. */
    acceptsNewPatients: z.boolean(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'StaffMember' });

export type StaffMember = z.infer<typeof staffMemberSchema>;

export const staffMemberUpdateSchema = z
  .object({
    version: z.number().int().positive(),
    displayName: z.string().trim().min(1, 'Enter a name').max(200).optional(),
    credentials: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
    licenseNumber: z.string().trim().max(50).nullable().optional(),
    licenseState: z
      .string()
      .regex(/^[A-Z]{2}$/, 'Use the two-letter state code')
      .nullable()
      .optional(),
    licenseExpiresOn: z.iso.date('Use a date like 2027-06-30').nullable().optional(),
    yearsAddictionExperience: z.number().int().min(0).max(80).optional(),
    approaches: z.array(z.enum(therapeuticApproaches)).max(20).optional(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a language tag such as en or es'))
      .min(1, 'Name at least one language')
      .max(20)
      .optional(),
    pronouns: z.string().trim().max(40).nullable().optional(),
    maxCaseload: z.number().int().min(0).max(500).nullable().optional(),
    gender: z.enum(clinicianGenders, 'Choose woman, man or non-binary').nullable().optional(),
    substanceExperience: z
      .partialRecord(
        z.enum(substanceClasses, 'Not a substance class'),
        z.number().int('Use whole years').min(0, 'Use 0 or more years').max(80, 'Use at most 80 years'),
      )
      .optional(),
    conditionExperience: z
      .array(z.enum(coOccurringConditions, 'Not a co-occurring condition'))
      .max(coOccurringConditions.length)
      .refine((list) => new Set(list).size === list.length, 'List each condition once')
      .optional(),
    acceptsNewPatients: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'StaffMemberUpdate' });

export type StaffMemberUpdate = z.infer<typeof staffMemberUpdateSchema>;
