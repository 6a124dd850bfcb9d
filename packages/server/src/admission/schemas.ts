import {
  asamEditions,
  careSettings,
  careTeamRoles,
  coOccurringConditions,
  dischargeTypes,
  episodeStatuses,
  isAsamLevel,
  levelOfCareChangeDirections,
  referralSources,
  substanceClasses,
  useFrequencies,
  useRoutes,
} from '@tandem/core';
import { z } from 'zod';

export const clinicalStatuses = ['active', 'remission', 'resolved'] as const;
export const verificationStatuses = ['provisional', 'confirmed', 'refuted', 'entered-in-error'] as const;

const date = (message: string) => z.iso.date(message);

/** An ASAM level of care: the edition it was assessed under and one of that edition's level codes. */
export const asamLevelSchema = z
  .object({
    edition: z.enum(asamEditions, 'Choose the 3rd or 4th edition'),
    level: z.string().trim().min(1, 'Choose a level of care'),
  })
  .refine((asam) => isAsamLevel(asam.edition, asam.level), {
    message: 'Not a level of care of this ASAM edition',
    path: ['level'],
  })
  .meta({ id: 'AsamLevel' });

const asamOut = z.object({ edition: z.enum(asamEditions), level: z.string(), label: z.string() });

export const episodeSubstanceInputSchema = z.object({
  substanceClass: z.enum(substanceClasses, 'Choose a substance'),
  specificSubstance: z.string().trim().max(100, 'Keep this under 100 characters').nullable().optional(),
  route: z.enum(useRoutes, 'Choose how it is used'),
  frequency: z.enum(useFrequencies, 'Choose how often'),
  isPrimary: z.boolean().default(false),
  ageOfFirstUse: z
    .number('Enter an age in years')
    .int('Enter whole years')
    .min(0, 'Enter an age of 0 or more')
    .max(120, 'Enter an age of 120 or less')
    .nullable()
    .optional(),
});

export const diagnosisInputSchema = z.object({
  code: z.string().trim().min(1, 'Choose a diagnosis').max(10),
  isPrimary: z.boolean().default(false),
  clinicalStatus: z.enum(clinicalStatuses).default('active'),
  verificationStatus: z.enum(verificationStatuses).default('confirmed'),
  onsetDate: date('Enter the onset date as YYYY-MM-DD').nullable().optional(),
});
export type DiagnosisInput = z.infer<typeof diagnosisInputSchema>;

const presentingProblems = z.string().trim().max(5000, 'Keep this under 5000 characters');
const coOccurring = z
  .array(z.enum(coOccurringConditions, 'Not a listed condition'))
  .max(coOccurringConditions.length);
const referralNote = z.string().trim().max(1000, 'Keep the note under 1000 characters').nullable().optional();

export const admissionSchema = z
  .object({
    admittedOn: date('Enter the admission date as YYYY-MM-DD'),
    referralSource: z.enum(referralSources, 'Choose who referred the patient'),
    referralNote,
    setting: z.enum(careSettings, 'Choose the setting of care'),
    asam: asamLevelSchema.nullable().optional(),
    substances: z
      .array(episodeSubstanceInputSchema)
      .min(1, 'Record at least the primary substance')
      .max(substanceClasses.length),
    diagnoses: z
      .array(diagnosisInputSchema.omit({ clinicalStatus: true }))
      .max(20)
      .default([]),
    presentingProblems: presentingProblems.default(''),
    coOccurringConditions: coOccurring.default([]),
  })
  .meta({ id: 'Admission' });
export type Admission = z.infer<typeof admissionSchema>;

export const episodeUpdateSchema = z
  .object({
    referralSource: z.enum(referralSources, 'Choose who referred the patient').optional(),
    referralNote,
    presentingProblems: presentingProblems.optional(),
    coOccurringConditions: coOccurring.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'EpisodeUpdate' });
export type EpisodeUpdate = z.infer<typeof episodeUpdateSchema>;

export const levelOfCareChangeInputSchema = z
  .object({
    effectiveOn: date('Enter the date of the change as YYYY-MM-DD'),
    direction: z.enum(levelOfCareChangeDirections, 'Choose step-down, step-up or same intensity'),
    setting: z.enum(careSettings, 'Choose the new setting of care'),
    asam: asamLevelSchema.nullable().optional(),
    reason: z.string().trim().min(1, 'Say why the level of care changes').max(2000),
    /** The episode's version the change was decided on. */
    version: z.number().int().min(1),
  })
  .meta({ id: 'LevelOfCareChangeRequest' });
export type LevelOfCareChangeInput = z.infer<typeof levelOfCareChangeInputSchema>;

export const dischargeSchema = z
  .object({
    dischargedOn: date('Enter the discharge date as YYYY-MM-DD'),
    dischargeType: z.enum(dischargeTypes, 'Choose the type of discharge'),
    aftercarePlan: z.string().trim().max(10_000, 'Keep the plan under 10,000 characters').default(''),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Discharge' });
export type Discharge = z.infer<typeof dischargeSchema>;

export const diagnosisUpdateSchema = z
  .object({
    isPrimary: z.boolean().optional(),
    clinicalStatus: z.enum(clinicalStatuses).optional(),
    verificationStatus: z.enum(verificationStatuses).optional(),
    onsetDate: date('Enter the onset date as YYYY-MM-DD').nullable().optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'DiagnosisUpdate' });
export type DiagnosisUpdate = z.infer<typeof diagnosisUpdateSchema>;

export const episodeSubstanceSchema = z
  .object({
    id: z.uuid(),
    substanceClass: z.enum(substanceClasses),
    specificSubstance: z.string().nullable(),
    route: z.enum(useRoutes),
    frequency: z.enum(useFrequencies),
    isPrimary: z.boolean(),
    ageOfFirstUse: z.number().int().nullable(),
  })
  .meta({ id: 'EpisodeSubstance' });

export const episodeDiagnosisSchema = z
  .object({
    id: z.uuid(),
    episodeId: z.uuid(),
    code: z.string(),
    description: z.string(),
    isPrimary: z.boolean(),
    clinicalStatus: z.enum(clinicalStatuses),
    verificationStatus: z.enum(verificationStatuses),
    onsetDate: z.iso.date().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'EpisodeDiagnosis' });
export type EpisodeDiagnosis = z.infer<typeof episodeDiagnosisSchema>;

export const levelOfCareChangeSchema = z
  .object({
    id: z.uuid(),
    effectiveOn: z.iso.date(),
    direction: z.enum(levelOfCareChangeDirections),
    fromSetting: z.enum(careSettings),
    fromAsam: asamOut.nullable(),
    setting: z.enum(careSettings),
    asam: asamOut.nullable(),
    reason: z.string(),
    recordedBy: z.string().nullable(),
  })
  .meta({ id: 'LevelOfCareChange' });

export const intakeSummarySchema = z.object({
  total: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});

export const episodeSchema = z
  .object({
    id: z.uuid(),
    patientId: z.uuid(),
    status: z.enum(episodeStatuses),
    admittedOn: z.iso.date(),
    referralSource: z.enum(referralSources),
    referralNote: z.string().nullable(),
    setting: z.enum(careSettings),
    asam: asamOut.nullable(),
    presentingProblems: z.string(),
    coOccurringConditions: z.array(z.enum(coOccurringConditions)),
    dischargedOn: z.iso.date().nullable(),
    dischargeType: z.enum(dischargeTypes).nullable(),
    aftercarePlan: z.string().nullable(),
    admittedBy: z.string().nullable(),
    dischargedBy: z.string().nullable(),
    version: z.number().int(),
    substances: z.array(episodeSubstanceSchema),
    diagnoses: z.array(episodeDiagnosisSchema),
    levelOfCareChanges: z.array(levelOfCareChangeSchema),
    intake: intakeSummarySchema,
  })
  .meta({ id: 'EpisodeOfCare' });
export type Episode = z.infer<typeof episodeSchema>;

export const dischargeResultSchema = z
  .object({
    episode: episodeSchema,
    /**
     * Discharge ends nobody's place on the care team: aftercare, records and follow-up still need them. The
     * places that remain are listed so the clinician can end them deliberately on the care team tab.
     */
    careTeamRemains: z.array(
      z.object({ staffMemberId: z.uuid(), displayName: z.string(), role: z.enum(careTeamRoles) }),
    ),
  })
  .meta({ id: 'DischargeResult' });

export const diagnosisSearchQuerySchema = z.object({
  q: z.string().trim().max(100, 'Search with at most 100 characters').default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  billableOnly: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export const diagnosisCatalogEntrySchema = z
  .object({ code: z.string(), description: z.string(), billable: z.boolean() })
  .meta({ id: 'DiagnosisCatalogEntry' });
