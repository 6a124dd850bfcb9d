import type { SubstanceClass } from '../admission/vocabulary.ts';
import type { TherapeuticApproach } from '../staff/approaches.ts';
import {
  approachShortLabels,
  clinicianGenderPhrases,
  conditionShortLabels,
  languageName,
  listWithAnd,
  listWithOr,
  sameSpokenLanguage,
  substanceAdjectives,
  years,
} from './labels.ts';
import type { MatchingFactor, MatchingPatient, TherapistCandidate } from './rank-therapists.ts';

/*
 * How one clinician fits one patient on each matching factor: a fit from 0 to 1, and the reasons and concerns
 * that explain it. A factor that does not apply to the patient (no stated preference, no earlier episode) says so
 * with null, and is left out of the score rather than counted as a miss.
 */

/** Experience has diminishing returns: past these many years it no longer adds fit. */
const substanceFullCreditYears = 5;
const addictionFullCreditYears = 10;
/** The primary substance counts twice as much as each other substance. */
const primarySubstanceWeight = 2;

export interface FactorFit {
  /** 0..1 */
  fit: number;
  reasons: string[];
  concerns: string[];
}

export interface Capacity {
  current: number;
  max: number;
  available: boolean;
  acceptsNewPatients: boolean;
}

/** What every candidate is measured against, worked out once per ranking. */
export interface Situation {
  patient: MatchingPatient;
  suggestedApproaches: TherapeuticApproach[];
  /** Primary first, each substance once. */
  substances: { substance: SubstanceClass; primary: boolean }[];
  /** The patient's language when it is not the program's, so a clinician must speak it. */
  languageToMatch: string | null;
  continuityApplies: boolean;
}

export type FactorRule = (
  candidate: TherapistCandidate,
  capacity: Capacity,
  situation: Situation,
) => FactorFit | null;

const fit = (value: number, reasons: string[] = [], concerns: string[] = []): FactorFit => ({
  fit: value,
  reasons,
  concerns,
});

export const factorRules: Record<MatchingFactor, FactorRule> = {
  approaches(candidate, _capacity, { suggestedApproaches }) {
    if (suggestedApproaches.length === 0) return null;
    const offered = suggestedApproaches.filter((approach) => candidate.approaches.includes(approach));
    const missing = suggestedApproaches.filter((approach) => !candidate.approaches.includes(approach));
    return fit(
      offered.length / suggestedApproaches.length,
      offered.length > 0 ? [`offers ${listWithAnd(offered.map((a) => approachShortLabels[a]))}`] : [],
      missing.length > 0 ? [`does not offer ${listWithOr(missing.map((a) => approachShortLabels[a]))}`] : [],
    );
  },

  substances(candidate, _capacity, { substances }) {
    if (substances.length === 0) return null;
    let earned = 0;
    let possible = 0;
    const reasons: string[] = [];
    const concerns: string[] = [];
    for (const { substance, primary } of substances) {
      const weight = primary ? primarySubstanceWeight : 1;
      const experience = Math.max(0, candidate.substanceExperienceYears[substance] ?? 0);
      earned += (weight * Math.min(experience, substanceFullCreditYears)) / substanceFullCreditYears;
      possible += weight;
      if (experience > 0) reasons.push(`${years(experience)} ${substanceAdjectives[substance]} experience`);
      else if (primary) concerns.push(`no recorded ${substanceAdjectives[substance]} experience`);
    }
    return fit(earned / possible, reasons, concerns);
  },

  addictionExperience(candidate, _capacity, { substances }) {
    const experience = Math.max(0, candidate.yearsAddictionExperience);
    // Years with the patient's own substances say more; the general years are shown only when those are absent.
    const hasSubstanceYears = substances.some(
      ({ substance }) => (candidate.substanceExperienceYears[substance] ?? 0) > 0,
    );
    return fit(
      Math.min(experience, addictionFullCreditYears) / addictionFullCreditYears,
      experience > 0 && !hasSubstanceYears ? [`${years(experience)} in addiction treatment`] : [],
    );
  },

  conditions(candidate, _capacity, { patient }) {
    const conditions = [...new Set(patient.coOccurring)];
    if (conditions.length === 0) return null;
    const known = conditions.filter((condition) => candidate.conditionExperience.includes(condition));
    const unknown = conditions.filter((condition) => !candidate.conditionExperience.includes(condition));
    return fit(
      known.length / conditions.length,
      known.length > 0 ? [`experienced with ${listWithAnd(known.map((c) => conditionShortLabels[c]))}`] : [],
      unknown.length > 0
        ? [`no recorded experience with ${listWithOr(unknown.map((c) => conditionShortLabels[c]))}`]
        : [],
    );
  },

  language(candidate, _capacity, { languageToMatch }) {
    if (languageToMatch === null) return null;
    const name = languageName(languageToMatch);
    return candidate.languages.some((tag) => sameSpokenLanguage(tag, languageToMatch))
      ? fit(1, [`speaks ${name}`])
      : fit(0, [], [`does not speak ${name}`]);
  },

  gender(candidate, _capacity, { patient }) {
    const preferred = patient.preferences.therapistGender ?? null;
    if (preferred === null) return null;
    const phrase = clinicianGenderPhrases[preferred];
    if (candidate.gender === preferred) return fit(1, [`${phrase}, as the patient prefers`]);
    if (candidate.gender === null) return fit(0, [], [`gender not recorded; patient prefers ${phrase}`]);
    return fit(0, [], [`patient prefers ${phrase}`]);
  },

  continuity(candidate, _capacity, { patient, continuityApplies }) {
    if (!continuityApplies) return null;
    const episodesAgo = patient.earlierTherapistIds.indexOf(candidate.staffMemberId);
    // The most recent therapist counts fully; each episode further back counts half as much.
    return episodesAgo === -1 ? fit(0) : fit(0.5 ** episodesAgo, ['saw this patient in an earlier episode']);
  },

  caseload(_candidate, { current, max, available, acceptsNewPatients }) {
    if (available) return fit(1 - current / max, [`${current}/${max} caseload`]);
    const concerns: string[] = [];
    if (current > max) concerns.push(`caseload over capacity (${current}/${max})`);
    else if (current === max) concerns.push(`caseload full (${current}/${max})`);
    if (!acceptsNewPatients) concerns.push('not accepting new patients');
    return fit(0, [], concerns);
  },
};

export function capacityOf(candidate: TherapistCandidate, defaultMaxCaseload: number): Capacity {
  const max = candidate.maxCaseload ?? defaultMaxCaseload;
  const acceptsNewPatients = candidate.acceptsNewPatients !== false;
  return {
    current: candidate.currentCaseload,
    max,
    acceptsNewPatients,
    available: acceptsNewPatients && candidate.currentCaseload < max,
  };
}
