import { defineMessages } from '@formatjs/intl';
import {
  clinicianGenders,
  coOccurringConditions,
  staffRoles,
  substanceClasses,
  therapeuticApproaches,
} from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  enterName: { id: 'staff.errors.enterName', defaultMessage: 'Enter a name' },
  stateCode: { id: 'staff.errors.stateCode', defaultMessage: 'Use the two-letter state code' },
  dateFormat: { id: 'staff.errors.dateFormat', defaultMessage: 'Use a date like 2027-06-30' },
  languageTag: { id: 'staff.errors.languageTag', defaultMessage: 'Use a language tag such as en or es' },
  nameOneLanguage: { id: 'staff.errors.nameOneLanguage', defaultMessage: 'Name at least one language' },
  chooseGender: { id: 'staff.errors.chooseGender', defaultMessage: 'Choose woman, man or non-binary' },
  notSubstanceClass: { id: 'staff.errors.notSubstanceClass', defaultMessage: 'Not a substance class' },
  wholeYears: { id: 'staff.errors.wholeYears', defaultMessage: 'Use whole years' },
  yearsAtLeast: { id: 'staff.errors.yearsAtLeast', defaultMessage: 'Use {minimum} or more years' },
  yearsAtMost: { id: 'staff.errors.yearsAtMost', defaultMessage: 'Use at most {maximum} years' },
  notCondition: { id: 'staff.errors.notCondition', defaultMessage: 'Not a co-occurring condition' },
  eachConditionOnce: { id: 'staff.errors.eachConditionOnce', defaultMessage: 'List each condition once' },
});

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
    displayName: z.string().trim().min(1, errors.enterName.id).max(200).optional(),
    credentials: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
    licenseNumber: z.string().trim().max(50).nullable().optional(),
    licenseState: z
      .string()
      .regex(/^[A-Z]{2}$/, errors.stateCode.id)
      .nullable()
      .optional(),
    licenseExpiresOn: z.iso.date(errors.dateFormat.id).nullable().optional(),
    yearsAddictionExperience: z.number().int().min(0).max(80).optional(),
    approaches: z.array(z.enum(therapeuticApproaches)).max(20).optional(),
    languages: z
      .array(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, errors.languageTag.id))
      .min(1, errors.nameOneLanguage.id)
      .max(20)
      .optional(),
    pronouns: z.string().trim().max(40).nullable().optional(),
    maxCaseload: z.number().int().min(0).max(500).nullable().optional(),
    gender: z.enum(clinicianGenders, errors.chooseGender.id).nullable().optional(),
    substanceExperience: z
      .partialRecord(
        z.enum(substanceClasses, errors.notSubstanceClass.id),
        z.number().int(errors.wholeYears.id).min(0, errors.yearsAtLeast.id).max(80, errors.yearsAtMost.id),
      )
      .optional(),
    conditionExperience: z
      .array(z.enum(coOccurringConditions, errors.notCondition.id))
      .max(coOccurringConditions.length)
      .refine((list) => new Set(list).size === list.length, errors.eachConditionOnce.id)
      .optional(),
    acceptsNewPatients: z.boolean().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'StaffMemberUpdate' });

export type StaffMemberUpdate = z.infer<typeof staffMemberUpdateSchema>;
