import { defineMessages } from '@formatjs/intl';
import {
  clinicianGenders,
  coOccurringConditions,
  matchingFactors,
  staffRoles,
  substanceClasses,
  therapeuticApproaches,
} from '@tandem/core';
import { z } from 'zod';

const errors = defineMessages({
  enterNumber: { id: 'matching.errors.enterNumber', defaultMessage: 'Enter a number' },
  useWholeNumber: { id: 'matching.errors.useWholeNumber', defaultMessage: 'Use a whole number' },
  atLeast: { id: 'matching.errors.atLeast', defaultMessage: 'Use at least {minimum}' },
  atMost: { id: 'matching.errors.atMost', defaultMessage: 'Use at most {maximum}' },
});

export const therapistSuggestionSchema = z
  .object({
    staffMemberId: z.uuid(),
    displayName: z.string(),
    jobRole: z.enum(staffRoles),
    credentials: z.array(z.string()),
    /** 0-100: the share of the points that apply to this patient. */
    score: z.number().int(),
    /** 1-based, available clinicians first. */
    rank: z.number().int(),
    /** Under the caseload limit and accepting new patients. */
    available: z.boolean(),
    caseload: z.object({ current: z.number().int(), max: z.number().int() }),
    /** "offers MI", "8 years opioid experience", "speaks Spanish", "14/20 caseload". */
    reasons: z.array(z.string()),
    /** What the clinician choosing should weigh, most serious first. */
    concerns: z.array(z.string()),
    factors: z.array(
      z.object({ factor: z.enum(matchingFactors), points: z.number(), maxPoints: z.number() }),
    ),
    /** Holds the patient's primary therapist place now. */
    isCurrentPrimaryTherapist: z.boolean(),
  })
  .meta({ id: 'TherapistSuggestion' });
export type TherapistSuggestionBody = z.infer<typeof therapistSuggestionSchema>;

export const therapistSuggestionsSchema = z
  .object({
    /** The episode the ranking reads: the active one, else the latest; null before any admission. */
    episode: z
      .object({ id: z.uuid(), status: z.enum(['active', 'discharged']), admittedOn: z.iso.date() })
      .nullable(),
    /** What the ranking was given about the patient, so the clinician can check it. */
    basis: z.object({
      substances: z.array(z.object({ substance: z.enum(substanceClasses), primary: z.boolean() })),
      coOccurring: z.array(z.enum(coOccurringConditions)),
      preferredLanguage: z.string().nullable(),
      preferredTherapistGender: z.enum(clinicianGenders).nullable(),
      /** At least one loved one may join family sessions. */
      familySessions: z.boolean(),
      /** Primary therapists of earlier episodes who are still on staff, most recent first. */
      earlierTherapists: z.array(z.object({ staffMemberId: z.uuid(), displayName: z.string() })),
    }),
    suggestedApproaches: z.array(
      z.object({
        approach: z.enum(therapeuticApproaches),
        reason: z.string(),
        source: z.string(),
        origin: z.enum(['assessment', 'admission']),
      }),
    ),
    suggestions: z.array(therapistSuggestionSchema),
    /** About the list as a whole: "no available clinician speaks Vietnamese: arrange an interpreter". */
    notes: z.array(z.string()),
    /** The place a new primary therapist would replace (send its id as replacesMemberId). */
    currentPrimaryTherapist: z
      .object({ memberId: z.uuid(), staffMemberId: z.uuid(), staffName: z.string() })
      .nullable(),
    defaultMaxCaseload: z.number().int(),
  })
  .meta({ id: 'TherapistSuggestions' });
export type TherapistSuggestions = z.infer<typeof therapistSuggestionsSchema>;

export const caseloadSettingSchema = z
  .object({
    /** The caseload of a clinician without their own maximum. */
    defaultMaxCaseload: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'CaseloadSetting' });

export const caseloadSettingUpdateSchema = z
  .object({
    defaultMaxCaseload: z
      .number(errors.enterNumber.id)
      .int(errors.useWholeNumber.id)
      .min(1, errors.atLeast.id)
      .max(500, errors.atMost.id),
    version: z.number().int().positive(),
  })
  .meta({ id: 'CaseloadSettingUpdate' });
export type CaseloadSettingUpdate = z.infer<typeof caseloadSettingUpdateSchema>;
