import { defineMessages } from '@formatjs/intl';
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

const errors = defineMessages({
  chooseAsamEdition: {
    id: 'admission.errors.chooseAsamEdition',
    defaultMessage: 'Choose the 3rd or 4th edition',
  },
  chooseLevelOfCare: { id: 'admission.errors.chooseLevelOfCare', defaultMessage: 'Choose a level of care' },
  notAsamLevel: {
    id: 'admission.errors.notAsamLevel',
    defaultMessage: 'Not a level of care of this ASAM edition',
  },
  chooseSubstance: { id: 'admission.errors.chooseSubstance', defaultMessage: 'Choose a substance' },
  textTooLong: { id: 'admission.errors.textTooLong', defaultMessage: 'Keep this under {maximum} characters' },
  chooseRoute: { id: 'admission.errors.chooseRoute', defaultMessage: 'Choose how it is used' },
  chooseFrequency: { id: 'admission.errors.chooseFrequency', defaultMessage: 'Choose how often' },
  enterAge: { id: 'admission.errors.enterAge', defaultMessage: 'Enter an age in years' },
  wholeYears: { id: 'admission.errors.wholeYears', defaultMessage: 'Enter whole years' },
  ageAtLeast: { id: 'admission.errors.ageAtLeast', defaultMessage: 'Enter an age of {minimum} or more' },
  ageAtMost: { id: 'admission.errors.ageAtMost', defaultMessage: 'Enter an age of {maximum} or less' },
  chooseDiagnosis: { id: 'admission.errors.chooseDiagnosis', defaultMessage: 'Choose a diagnosis' },
  onsetDateFormat: {
    id: 'admission.errors.onsetDateFormat',
    defaultMessage: 'Enter the onset date as YYYY-MM-DD',
  },
  presentingProblemsTooLong: {
    id: 'admission.errors.presentingProblemsTooLong',
    defaultMessage: 'Keep this under {maximum} characters',
  },
  notCondition: { id: 'admission.errors.notCondition', defaultMessage: 'Not a listed condition' },
  referralNoteTooLong: {
    id: 'admission.errors.referralNoteTooLong',
    defaultMessage: 'Keep the note under {maximum} characters',
  },
  admissionDateFormat: {
    id: 'admission.errors.admissionDateFormat',
    defaultMessage: 'Enter the admission date as YYYY-MM-DD',
  },
  chooseReferralSource: {
    id: 'admission.errors.chooseReferralSource',
    defaultMessage: 'Choose who referred the patient',
  },
  chooseSetting: { id: 'admission.errors.chooseSetting', defaultMessage: 'Choose the setting of care' },
  recordPrimarySubstance: {
    id: 'admission.errors.recordPrimarySubstance',
    defaultMessage: 'Record at least the primary substance',
  },
  changeDateFormat: {
    id: 'admission.errors.changeDateFormat',
    defaultMessage: 'Enter the date of the change as YYYY-MM-DD',
  },
  chooseDirection: {
    id: 'admission.errors.chooseDirection',
    defaultMessage: 'Choose step-down, step-up or same intensity',
  },
  chooseNewSetting: {
    id: 'admission.errors.chooseNewSetting',
    defaultMessage: 'Choose the new setting of care',
  },
  sayWhyLevelChanges: {
    id: 'admission.errors.sayWhyLevelChanges',
    defaultMessage: 'Say why the level of care changes',
  },
  dischargeDateFormat: {
    id: 'admission.errors.dischargeDateFormat',
    defaultMessage: 'Enter the discharge date as YYYY-MM-DD',
  },
  chooseDischargeType: {
    id: 'admission.errors.chooseDischargeType',
    defaultMessage: 'Choose the type of discharge',
  },
  planTooLong: {
    id: 'admission.errors.planTooLong',
    defaultMessage: 'Keep the plan under {maximum, number} characters',
  },
  searchTooLong: {
    id: 'admission.errors.searchTooLong',
    defaultMessage: 'Search with at most {maximum} characters',
  },
});

export const clinicalStatuses = ['active', 'remission', 'resolved'] as const;
export const verificationStatuses = ['provisional', 'confirmed', 'refuted', 'entered-in-error'] as const;

const date = (message: string) => z.iso.date(message);

/** An ASAM level of care: the edition it was assessed under and one of that edition's level codes. */
export const asamLevelSchema = z
  .object({
    edition: z.enum(asamEditions, errors.chooseAsamEdition.id),
    level: z.string().trim().min(1, errors.chooseLevelOfCare.id),
  })
  .refine((asam) => isAsamLevel(asam.edition, asam.level), {
    message: errors.notAsamLevel.id,
    path: ['level'],
  })
  .meta({ id: 'AsamLevel' });

const asamOut = z.object({ edition: z.enum(asamEditions), level: z.string(), label: z.string() });

export const episodeSubstanceInputSchema = z.object({
  substanceClass: z.enum(substanceClasses, errors.chooseSubstance.id),
  specificSubstance: z.string().trim().max(100, errors.textTooLong.id).nullable().optional(),
  route: z.enum(useRoutes, errors.chooseRoute.id),
  frequency: z.enum(useFrequencies, errors.chooseFrequency.id),
  isPrimary: z.boolean().default(false),
  ageOfFirstUse: z
    .number(errors.enterAge.id)
    .int(errors.wholeYears.id)
    .min(0, errors.ageAtLeast.id)
    .max(120, errors.ageAtMost.id)
    .nullable()
    .optional(),
});

export const diagnosisInputSchema = z.object({
  code: z.string().trim().min(1, errors.chooseDiagnosis.id).max(10),
  isPrimary: z.boolean().default(false),
  clinicalStatus: z.enum(clinicalStatuses).default('active'),
  verificationStatus: z.enum(verificationStatuses).default('confirmed'),
  onsetDate: date(errors.onsetDateFormat.id).nullable().optional(),
});
export type DiagnosisInput = z.infer<typeof diagnosisInputSchema>;

const presentingProblems = z.string().trim().max(5000, errors.presentingProblemsTooLong.id);
const coOccurring = z
  .array(z.enum(coOccurringConditions, errors.notCondition.id))
  .max(coOccurringConditions.length);
const referralNote = z.string().trim().max(1000, errors.referralNoteTooLong.id).nullable().optional();

export const admissionSchema = z
  .object({
    admittedOn: date(errors.admissionDateFormat.id),
    referralSource: z.enum(referralSources, errors.chooseReferralSource.id),
    referralNote,
    setting: z.enum(careSettings, errors.chooseSetting.id),
    asam: asamLevelSchema.nullable().optional(),
    substances: z
      .array(episodeSubstanceInputSchema)
      .min(1, errors.recordPrimarySubstance.id)
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
    referralSource: z.enum(referralSources, errors.chooseReferralSource.id).optional(),
    referralNote,
    presentingProblems: presentingProblems.optional(),
    coOccurringConditions: coOccurring.optional(),
    version: z.number().int().min(1),
  })
  .meta({ id: 'EpisodeUpdate' });
export type EpisodeUpdate = z.infer<typeof episodeUpdateSchema>;

export const levelOfCareChangeInputSchema = z
  .object({
    effectiveOn: date(errors.changeDateFormat.id),
    direction: z.enum(levelOfCareChangeDirections, errors.chooseDirection.id),
    setting: z.enum(careSettings, errors.chooseNewSetting.id),
    asam: asamLevelSchema.nullable().optional(),
    reason: z.string().trim().min(1, errors.sayWhyLevelChanges.id).max(2000),
    /** The episode's version the change was decided on. */
    version: z.number().int().min(1),
  })
  .meta({ id: 'LevelOfCareChangeRequest' });
export type LevelOfCareChangeInput = z.infer<typeof levelOfCareChangeInputSchema>;

export const dischargeSchema = z
  .object({
    dischargedOn: date(errors.dischargeDateFormat.id),
    dischargeType: z.enum(dischargeTypes, errors.chooseDischargeType.id),
    aftercarePlan: z.string().trim().max(10_000, errors.planTooLong.id).default(''),
    version: z.number().int().min(1),
  })
  .meta({ id: 'Discharge' });
export type Discharge = z.infer<typeof dischargeSchema>;

export const diagnosisUpdateSchema = z
  .object({
    isPrimary: z.boolean().optional(),
    clinicalStatus: z.enum(clinicalStatuses).optional(),
    verificationStatus: z.enum(verificationStatuses).optional(),
    onsetDate: date(errors.onsetDateFormat.id).nullable().optional(),
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
  q: z.string().trim().max(100, errors.searchTooLong.id).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  billableOnly: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

export const diagnosisCatalogEntrySchema = z
  .object({ code: z.string(), description: z.string(), billable: z.boolean() })
  .meta({ id: 'DiagnosisCatalogEntry' });
