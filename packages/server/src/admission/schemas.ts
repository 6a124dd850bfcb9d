import { defineMessages } from '@formatjs/intl';
import {
  asamEditions,
  careSettings,
  careTeamRoles,
  coOccurringConditions,
  dischargeTypes,
  episodeStatuses,
  levelOfCareChangeDirections,
  referralSources,
  substanceClasses,
  useFrequencies,
  useRoutes,
} from '@tandem/core';
import { clinicalStatuses, verificationStatuses } from '@tandem/core/admission/episode-request';
import { z } from 'zod';

// The request rules are core's, shared with the web's forms.
export {
  type Admission,
  admissionSchema,
  asamLevelSchema,
  clinicalStatuses,
  type DiagnosisInput,
  type DiagnosisUpdate,
  type Discharge,
  diagnosisInputSchema,
  diagnosisUpdateSchema,
  dischargeSchema,
  type EpisodeUpdate,
  episodeSubstanceInputSchema,
  episodeUpdateSchema,
  type LevelOfCareChangeInput,
  levelOfCareChangeInputSchema,
  verificationStatuses,
} from '@tandem/core/admission/episode-request';

const errors = defineMessages({
  searchTooLong: {
    id: 'admission.errors.searchTooLong',
    defaultMessage: 'Search with at most {maximum} characters',
  },
});

const asamOut = z.object({ edition: z.enum(asamEditions), level: z.string(), label: z.string() });

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
