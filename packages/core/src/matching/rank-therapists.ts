import type { ClinicianGender, CoOccurringCondition, SubstanceClass } from '../admission/vocabulary.ts';
import { defineMessages } from '../errors/define-messages.ts';
import { DomainError, type ErrorMessage, type FieldError } from '../errors/domain-error.ts';
import type { TherapeuticApproach } from '../staff/approaches.ts';
import { capacityOf, type FactorFit, factorRules, type Situation } from './factors.ts';
import {
  approachShortLabels,
  clinicianGenderPhrases,
  languageName,
  listWithOr,
  sameSpokenLanguage,
} from './labels.ts';

/*
 * Therapist matching: ranks the clinicians who could become a patient's primary therapist by fit, and says why
 * in words a clinician can check at a glance. The ranking suggests; the clinician assigning chooses, so nobody is
 * hidden for a mismatch or a full caseload, only ranked lower and told about.
 */

export interface TherapistCandidate {
  staffMemberId: string;
  displayName: string;
  approaches: readonly TherapeuticApproach[];
  yearsAddictionExperience: number;
  substanceExperienceYears: Partial<Record<SubstanceClass, number>>;
  conditionExperience: readonly CoOccurringCondition[];
  /** BCP 47 tags. The program's own language is assumed and need not be listed. */
  languages: readonly string[];
  gender: ClinicianGender | null;
  currentCaseload: number;
  /** Null: the program's default (`MatchingSettings.defaultMaxCaseload`). */
  maxCaseload: number | null;
  /** Inactive staff are left out altogether. */
  active: boolean;
  /** False keeps the clinician in the list but unavailable, as a full caseload does. */
  acceptsNewPatients?: boolean;
}

export interface MatchingPatient {
  /** From `suggestApproaches`, or from an assessment. */
  suggestedApproaches: readonly { approach: TherapeuticApproach; reason: string }[];
  substances: readonly { substance: SubstanceClass; primary: boolean }[];
  coOccurring: readonly CoOccurringCondition[];
  /** BCP 47; only the primary subtag is compared (`es` matches `es-MX`). Null when not recorded. */
  preferredLanguage: string | null;
  preferences: { therapistGender?: ClinicianGender | null };
  /** Primary therapists of earlier episodes, most recent first. */
  earlierTherapistIds: readonly string[];
}

export const matchingFactors = [
  'approaches',
  'substances',
  'addictionExperience',
  'conditions',
  'language',
  'gender',
  'continuity',
  'caseload',
] as const;
export type MatchingFactor = (typeof matchingFactors)[number];

/**
 * Points each factor is worth when it applies to the patient; they add up to 100. Language and approaches weigh
 * most because a patient who cannot talk with their therapist, or who gets none of what their picture calls
 * for, gains little from the rest. A stated gender preference is heavy but never an exclusion.
 */
export const defaultMatchingWeights: Readonly<Record<MatchingFactor, number>> = {
  approaches: 20,
  substances: 10,
  addictionExperience: 5,
  conditions: 10,
  language: 20,
  gender: 15,
  continuity: 10,
  caseload: 10,
};

export interface MatchingSettings {
  /** Caseload limit for clinicians without their own `maxCaseload`. */
  defaultMaxCaseload: number;
  weights?: Partial<Record<MatchingFactor, number>>;
  /** The language everyone on staff speaks; a patient who speaks it needs no language match. Default `en`. */
  programLanguage?: string;
}

export interface FactorScore {
  factor: MatchingFactor;
  /** Rounded to one decimal, for display; the score is computed before rounding. */
  points: number;
  maxPoints: number;
}

export interface TherapistSuggestion {
  staffMemberId: string;
  displayName: string;
  /** 0-100: the share of the points that apply to this patient. */
  score: number;
  /** 1-based, over all suggestions, available ones first. */
  rank: number;
  /** Has room for a new patient: under the caseload limit and accepting new patients. */
  available: boolean;
  caseload: { current: number; max: number };
  /** What fits, short and human: "offers MI", "8 years opioid experience", "speaks Spanish", "14/20 caseload". */
  reasons: string[];
  /** What the clinician choosing should weigh, most serious first. */
  concerns: string[];
  /** Only the factors that apply to this patient (a patient with no stated preference has no gender factor). */
  factors: FactorScore[];
}

export interface TherapistRanking {
  suggestions: TherapistSuggestion[];
  /** About the list as a whole: "no available clinician speaks Vietnamese: arrange an interpreter". */
  notes: string[];
}

/** The order concerns are listed in: what may rule a clinician out first. */
const concernOrder: readonly MatchingFactor[] = [
  'caseload',
  'language',
  'gender',
  'approaches',
  'substances',
  'conditions',
  'addictionExperience',
  'continuity',
];

const errors = defineMessages({
  invalidInput: {
    id: 'matching.errors.invalidInput',
    defaultMessage: 'Therapist matching was given invalid input',
  },
  wholeNumber: { id: 'matching.errors.wholeNumber', defaultMessage: 'Use a whole number, 0 or more' },
  number: { id: 'matching.errors.number', defaultMessage: 'Use a number, 0 or more' },
  listedTwice: { id: 'matching.errors.listedTwice', defaultMessage: 'Listed twice' },
});

function validate(candidates: readonly TherapistCandidate[], settings: MatchingSettings): void {
  const fieldErrors: FieldError<ErrorMessage>[] = [];
  if (!Number.isInteger(settings.defaultMaxCaseload) || settings.defaultMaxCaseload < 0) {
    fieldErrors.push({ path: 'settings.defaultMaxCaseload', message: errors.wholeNumber });
  }
  for (const [factor, weight] of Object.entries(settings.weights ?? {})) {
    if (weight !== undefined && (!Number.isFinite(weight) || weight < 0)) {
      fieldErrors.push({ path: `settings.weights.${factor}`, message: errors.number });
    }
  }
  const seen = new Set<string>();
  candidates.forEach((candidate, index) => {
    if (seen.has(candidate.staffMemberId)) {
      fieldErrors.push({ path: `candidates.${index}.staffMemberId`, message: errors.listedTwice });
    }
    seen.add(candidate.staffMemberId);
  });
  if (fieldErrors.length > 0) throw new DomainError('invalid_input', errors.invalidInput, { fieldErrors });
}

function weightsFor(settings: MatchingSettings): Record<MatchingFactor, number> {
  const weights = { ...defaultMatchingWeights };
  for (const factor of matchingFactors) {
    const override = settings.weights?.[factor];
    if (override !== undefined) weights[factor] = override;
  }
  return weights;
}

function situationOf(
  patient: MatchingPatient,
  candidates: readonly TherapistCandidate[],
  programLanguage: string,
): Situation {
  const substances = new Map<SubstanceClass, boolean>();
  for (const { substance, primary } of patient.substances) {
    substances.set(substance, (substances.get(substance) ?? false) || primary);
  }
  const language = patient.preferredLanguage;
  return {
    patient,
    suggestedApproaches: [...new Set(patient.suggestedApproaches.map((suggestion) => suggestion.approach))],
    substances: [...substances]
      .map(([substance, primary]) => ({ substance, primary }))
      .sort((a, b) => Number(b.primary) - Number(a.primary)),
    languageToMatch:
      language === null || language.trim() === '' || sameSpokenLanguage(language, programLanguage)
        ? null
        : language,
    // Only when someone on the list saw the patient before: otherwise nobody could earn it.
    continuityApplies: candidates.some((candidate) =>
      patient.earlierTherapistIds.includes(candidate.staffMemberId),
    ),
  };
}

function suggestionFor(
  candidate: TherapistCandidate,
  situation: Situation,
  settings: MatchingSettings,
  weights: Record<MatchingFactor, number>,
): Omit<TherapistSuggestion, 'rank'> {
  const capacity = capacityOf(candidate, settings.defaultMaxCaseload);
  const fits = new Map<MatchingFactor, FactorFit>();
  for (const factor of matchingFactors) {
    const result = factorRules[factor](candidate, capacity, situation);
    if (result !== null) fits.set(factor, result);
  }
  let earned = 0;
  let possible = 0;
  const factors: FactorScore[] = [];
  for (const [factor, { fit: value }] of fits) {
    const points = value * weights[factor];
    earned += points;
    possible += weights[factor];
    factors.push({ factor, points: Math.round(points * 10) / 10, maxPoints: weights[factor] });
  }
  return {
    staffMemberId: candidate.staffMemberId,
    displayName: candidate.displayName,
    score: possible === 0 ? 0 : Math.round((100 * earned) / possible),
    available: capacity.available,
    caseload: { current: capacity.current, max: capacity.max },
    reasons: [...fits.values()].flatMap((result) => result.reasons),
    concerns: concernOrder.flatMap((factor) => fits.get(factor)?.concerns ?? []),
    factors,
  };
}

const names = new Intl.Collator('en');

function caseloadRatio({ current, max }: { current: number; max: number }): number {
  return max === 0 ? Number.POSITIVE_INFINITY : current / max;
}

/** Available first; then score, lighter caseload, name and id, so the same input always gives the same list. */
function byFit(a: Omit<TherapistSuggestion, 'rank'>, b: Omit<TherapistSuggestion, 'rank'>): number {
  return (
    Number(b.available) - Number(a.available) ||
    b.score - a.score ||
    caseloadRatio(a.caseload) - caseloadRatio(b.caseload) ||
    names.compare(a.displayName, b.displayName) ||
    (a.staffMemberId < b.staffMemberId ? -1 : a.staffMemberId > b.staffMemberId ? 1 : 0)
  );
}

function notesFor(
  situation: Situation,
  active: readonly TherapistCandidate[],
  available: readonly TherapistCandidate[],
): string[] {
  if (active.length === 0) return ['no active clinicians to suggest'];
  const notes: string[] = [];
  if (available.length === 0) {
    notes.push('no clinician has room for a new patient: any choice goes over a caseload limit');
  }
  const language = situation.languageToMatch;
  if (
    language !== null &&
    !available.some((c) => c.languages.some((tag) => sameSpokenLanguage(tag, language)))
  ) {
    notes.push(`no available clinician speaks ${languageName(language)}: arrange an interpreter`);
  }
  const gender = situation.patient.preferences.therapistGender ?? null;
  if (gender !== null && !available.some((candidate) => candidate.gender === gender)) {
    notes.push(
      `no available clinician is ${clinicianGenderPhrases[gender]}: talk the preference through with the patient`,
    );
  }
  const unoffered = situation.suggestedApproaches.filter(
    (approach) => !available.some((candidate) => candidate.approaches.includes(approach)),
  );
  if (unoffered.length > 0) {
    notes.push(`no available clinician offers ${listWithOr(unoffered.map((a) => approachShortLabels[a]))}`);
  }
  return notes;
}

/**
 * Ranks the active candidates for a patient's primary therapist. Inactive staff are left out; clinicians without
 * room are kept, marked unavailable and listed after every available one, because a clinician may still choose
 * them knowingly. Pure: the same input gives the same output, whatever order the candidates come in.
 */
export function rankTherapists(
  patient: MatchingPatient,
  candidates: readonly TherapistCandidate[],
  settings: MatchingSettings,
): TherapistRanking {
  validate(candidates, settings);
  const weights = weightsFor(settings);
  const active = candidates.filter((candidate) => candidate.active);
  const situation = situationOf(patient, active, settings.programLanguage ?? 'en');
  const suggestions = active
    .map((candidate) => suggestionFor(candidate, situation, settings, weights))
    .sort(byFit)
    .map((suggestion, index) => ({ ...suggestion, rank: index + 1 }));
  const available = active.filter(
    (candidate) => capacityOf(candidate, settings.defaultMaxCaseload).available,
  );
  return { suggestions, notes: notesFor(situation, active, available) };
}
