import type { CoOccurringCondition, SubstanceClass } from '../admission/vocabulary.ts';
import type { TherapeuticApproach } from '../staff/approaches.ts';
import { listWithAnd, substanceAdjectives } from './labels.ts';

/*
 * Which therapeutic approaches an admission points to, until a formal assessment says more. The rules are the
 * plain ones that SAMHSA's Treatment Improvement Protocols (TIPs) and the cited trials state for a diagnosis; they
 * suggest, they never prescribe, and each suggestion names its source so a clinician can check it.
 */

export const approachSources = {
  motivationalInterviewing:
    'SAMHSA TIP 35: Enhancing Motivation for Change in Substance Use Disorder Treatment (updated 2019)',
  cbt: 'NIDA, Principles of Drug Addiction Treatment: A Research-Based Guide, 3rd ed. (2018)',
  coOccurring:
    'SAMHSA TIP 42: Substance Use Treatment for Persons With Co-Occurring Disorders (updated 2020)',
  contingencyManagement:
    'SAMHSA TIP 33: Treatment for Stimulant Use Disorders (updated 2021); De Crescenzo et al., ' +
    'PLoS Med 2018;15(12):e1002715',
  moud: 'SAMHSA TIP 63: Medications for Opioid Use Disorder (updated 2021)',
  maud: 'SAMHSA and NIAAA, Medication for the Treatment of Alcohol Use Disorder: A Brief Guide (2015)',
  traumaInformed: 'SAMHSA TIP 57: Trauma-Informed Care in Behavioral Health Services (2014)',
  dbt:
    'Linehan et al., Dialectical Behavior Therapy for Patients with Borderline Personality Disorder and ' +
    'Drug-Dependence, Am J Addict 1999;8(4):279-292',
  family: 'SAMHSA TIP 39: Substance Use Disorder Treatment and Family Therapy (updated 2020)',
  assessment: "the patient's assessment",
} as const;

export interface AdmissionSubstance {
  substance: SubstanceClass;
  primary: boolean;
}

/** An approach a formal assessment suggests, once one exists. */
export interface AssessmentApproachSuggestion {
  approach: TherapeuticApproach;
  /** What in the assessment points to it; "suggested by the assessment" when not given. */
  reason?: string;
}

export interface ApproachSuggestionInput {
  substances: readonly AdmissionSubstance[];
  coOccurring: readonly CoOccurringCondition[];
  /** At least one of the patient's loved ones may join family sessions. */
  supportContactsMayJoinFamilySessions: boolean;
  assessmentSuggestedApproaches?: readonly AssessmentApproachSuggestion[];
}

export interface SuggestedApproach {
  approach: TherapeuticApproach;
  /** Short and human: "opioid use: refer for medication (MOUD)". */
  reason: string;
  source: string;
  origin: 'assessment' | 'admission';
}

type Rule = (input: ApproachSuggestionInput) => Omit<SuggestedApproach, 'origin'> | null;

const stimulants: readonly SubstanceClass[] = ['cocaine', 'other_stimulants'];

function usesOf(input: ApproachSuggestionInput, classes: readonly SubstanceClass[]): string | null {
  const found = classes.filter((substance) => input.substances.some((used) => used.substance === substance));
  return found.length === 0
    ? null
    : `${listWithAnd(found.map((substance) => substanceAdjectives[substance]))} use`;
}

/** In the order a suggestion list reads best: what every patient gets first, then what their picture adds. */
const rules: readonly Rule[] = [
  (input) =>
    input.substances.length === 0
      ? null
      : {
          approach: 'motivational_interviewing',
          reason: 'substance use disorder: build motivation for change',
          source: approachSources.motivationalInterviewing,
        },
  (input) => {
    if (input.substances.length === 0) return null;
    const moods = (['depression', 'anxiety'] as const).filter((condition) =>
      input.coOccurring.includes(condition),
    );
    if (moods.length === 0) {
      return {
        approach: 'cbt',
        reason: 'substance use disorder: coping skills and relapse prevention',
        source: approachSources.cbt,
      };
    }
    return {
      approach: 'cbt',
      reason: `substance use disorder with ${listWithAnd(moods)}: coping skills and relapse prevention`,
      source: `${approachSources.cbt}; ${approachSources.coOccurring}`,
    };
  },
  (input) => {
    const use = usesOf(input, stimulants);
    return use === null
      ? null
      : {
          approach: 'contingency_management',
          reason: `${use}: CM has the strongest evidence for stimulant use disorders`,
          source: approachSources.contingencyManagement,
        };
  },
  (input) => {
    const opioids = usesOf(input, ['opioids']) !== null;
    const alcohol = usesOf(input, ['alcohol']) !== null;
    if (opioids && alcohol) {
      return {
        approach: 'medication_management',
        reason: 'opioid and alcohol use: refer for medication (MOUD and MAUD)',
        source: `${approachSources.moud}; ${approachSources.maud}`,
      };
    }
    if (opioids) {
      return {
        approach: 'medication_management',
        reason: 'opioid use: refer for medication (MOUD)',
        source: approachSources.moud,
      };
    }
    if (alcohol) {
      return {
        approach: 'medication_management',
        reason: 'alcohol use: refer for medication (MAUD)',
        source: approachSources.maud,
      };
    }
    return null;
  },
  (input) =>
    input.coOccurring.includes('ptsd')
      ? {
          approach: 'trauma_focused',
          reason: 'PTSD: trauma-focused care',
          source: approachSources.traumaInformed,
        }
      : null,
  (input) =>
    input.coOccurring.includes('personality_disorder')
      ? {
          approach: 'dbt',
          reason: 'personality disorder: DBT for emotion regulation',
          source: `${approachSources.dbt}; ${approachSources.coOccurring}`,
        }
      : null,
  (input) =>
    input.supportContactsMayJoinFamilySessions
      ? {
          approach: 'family_therapy',
          reason: 'loved ones may join family sessions',
          source: approachSources.family,
        }
      : null,
];

/**
 * The approaches an admission suggests, each once. An assessment's suggestions come first and win over a rule
 * for the same approach; the admission rules still add the rest, because an assessment may cover only part of
 * the picture (a trauma screen says nothing about stimulants).
 */
export function suggestApproaches(input: ApproachSuggestionInput): SuggestedApproach[] {
  const suggestions: SuggestedApproach[] = [];
  const seen = new Set<TherapeuticApproach>();
  for (const fromAssessment of input.assessmentSuggestedApproaches ?? []) {
    if (seen.has(fromAssessment.approach)) continue;
    seen.add(fromAssessment.approach);
    suggestions.push({
      approach: fromAssessment.approach,
      reason: fromAssessment.reason ?? 'suggested by the assessment',
      source: approachSources.assessment,
      origin: 'assessment',
    });
  }
  for (const rule of rules) {
    const suggestion = rule(input);
    if (suggestion === null || seen.has(suggestion.approach)) continue;
    seen.add(suggestion.approach);
    suggestions.push({ ...suggestion, origin: 'admission' });
  }
  return suggestions;
}
