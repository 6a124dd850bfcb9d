// The rules of the episode requests (admit, edit, change the level of care, discharge, diagnoses), one
// definition for the server (which validates the body) and the web (which validates the same body before
// sending it). Messages are English, keyed by a code: the server sends the English in problem+json as before,
// the web words each code in the reader's language.
import { z } from 'zod';
import {
  asamEditions,
  careSettings,
  coOccurringConditions,
  dischargeTypes,
  isAsamLevel,
  levelOfCareChangeDirections,
  referralSources,
  substanceClasses,
  useFrequencies,
  useRoutes,
} from './vocabulary.ts';

export const episodeRequestMessages = {
  asamEdition: 'Choose the 3rd or 4th edition',
  asamLevelMissing: 'Choose a level of care',
  asamLevelOfEdition: 'Not a level of care of this ASAM edition',
  substanceClass: 'Choose a substance',
  specificSubstanceTooLong: 'Keep this under 100 characters',
  route: 'Choose how it is used',
  frequency: 'Choose how often',
  ageInYears: 'Enter an age in years',
  ageWholeYears: 'Enter whole years',
  ageTooLow: 'Enter an age of 0 or more',
  ageTooHigh: 'Enter an age of 120 or less',
  diagnosisMissing: 'Choose a diagnosis',
  onsetDateFormat: 'Enter the onset date as YYYY-MM-DD',
  presentingProblemsTooLong: 'Keep this under 5000 characters',
  coOccurringCondition: 'Not a listed condition',
  referralNoteTooLong: 'Keep the note under 1000 characters',
  admittedOnFormat: 'Enter the admission date as YYYY-MM-DD',
  referralSource: 'Choose who referred the patient',
  setting: 'Choose the setting of care',
  substancesMissing: 'Record at least the primary substance',
  effectiveOnFormat: 'Enter the date of the change as YYYY-MM-DD',
  direction: 'Choose step-down, step-up or same intensity',
  newSetting: 'Choose the new setting of care',
  reasonMissing: 'Say why the level of care changes',
  dischargedOnFormat: 'Enter the discharge date as YYYY-MM-DD',
  dischargeType: 'Choose the type of discharge',
  aftercarePlanTooLong: 'Keep the plan under 10,000 characters',
} as const;
export type EpisodeRequestMessage = keyof typeof episodeRequestMessages;
const say = episodeRequestMessages;

export const clinicalStatuses = ['active', 'remission', 'resolved'] as const;
export const verificationStatuses = ['provisional', 'confirmed', 'refuted', 'entered-in-error'] as const;

const date = (message: string) => z.iso.date(message);

/** An ASAM level of care: the edition it was assessed under and one of that edition's level codes. */
export const asamLevelSchema = z
  .object({
    edition: z.enum(asamEditions, say.asamEdition),
    level: z.string().trim().min(1, say.asamLevelMissing),
  })
  .refine((asam) => isAsamLevel(asam.edition, asam.level), {
    message: say.asamLevelOfEdition,
    path: ['level'],
  })
  .meta({ id: 'AsamLevel' });

export const episodeSubstanceInputSchema = z.object({
  substanceClass: z.enum(substanceClasses, say.substanceClass),
  specificSubstance: z.string().trim().max(100, say.specificSubstanceTooLong).nullable().optional(),
  route: z.enum(useRoutes, say.route),
  frequency: z.enum(useFrequencies, say.frequency),
  isPrimary: z.boolean().default(false),
  ageOfFirstUse: z
    .number(say.ageInYears)
    .int(say.ageWholeYears)
    .min(0, say.ageTooLow)
    .max(120, say.ageTooHigh)
    .nullable()
    .optional(),
});

export const diagnosisInputSchema = z.object({
  code: z.string().trim().min(1, say.diagnosisMissing).max(10),
  isPrimary: z.boolean().default(false),
  clinicalStatus: z.enum(clinicalStatuses).default('active'),
  verificationStatus: z.enum(verificationStatuses).default('confirmed'),
  onsetDate: date(say.onsetDateFormat).nullable().optional(),
});
export type DiagnosisInput = z.infer<typeof diagnosisInputSchema>;

const presentingProblems = z.string().trim().max(5000, say.presentingProblemsTooLong);
const coOccurring = z
  .array(z.enum(coOccurringConditions, say.coOccurringCondition))
  .max(coOccurringConditions.length);
const referralNote = z.string().trim().max(1000, say.referralNoteTooLong).nullable().optional();

export const admissionSchema = z
  .object({
    admittedOn: date(say.admittedOnFormat),
    referralSource: z.enum(referralSources, say.referralSource),
    referralNote,
    setting: z.enum(careSettings, say.setting),
    asam: asamLevelSchema.nullable().optional(),
    substances: z
      .array(episodeSubstanceInputSchema)
      .min(1, say.substancesMissing)
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
    referralSource: z.enum(referralSources, say.referralSource).optional(),
    referralNote,
    presentingProblems: presentingProblems.optional(),
    coOccurringConditions: coOccurring.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'EpisodeUpdate' });
export type EpisodeUpdate = z.infer<typeof episodeUpdateSchema>;

export const levelOfCareChangeInputSchema = z
  .object({
    effectiveOn: date(say.effectiveOnFormat),
    direction: z.enum(levelOfCareChangeDirections, say.direction),
    setting: z.enum(careSettings, say.newSetting),
    asam: asamLevelSchema.nullable().optional(),
    reason: z.string().trim().min(1, say.reasonMissing).max(2000),
    /** The episode's version the change was decided on. */
    version: z.number().int().min(1),
  })
  .meta({ id: 'LevelOfCareChangeRequest' });
export type LevelOfCareChangeInput = z.infer<typeof levelOfCareChangeInputSchema>;

export const dischargeSchema = z
  .object({
    dischargedOn: date(say.dischargedOnFormat),
    dischargeType: z.enum(dischargeTypes, say.dischargeType),
    aftercarePlan: z.string().trim().max(10_000, say.aftercarePlanTooLong).default(''),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Discharge' });
export type Discharge = z.infer<typeof dischargeSchema>;

export const diagnosisUpdateSchema = z
  .object({
    isPrimary: z.boolean().optional(),
    clinicalStatus: z.enum(clinicalStatuses).optional(),
    verificationStatus: z.enum(verificationStatuses).optional(),
    onsetDate: date(say.onsetDateFormat).nullable().optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'DiagnosisUpdate' });
export type DiagnosisUpdate = z.infer<typeof diagnosisUpdateSchema>;
