import type { ClinicianGender, CoOccurringCondition, SubstanceClass } from '../admission/vocabulary.ts';
import type { TherapeuticApproach } from '../staff/approaches.ts';

/*
 * The words a matching suggestion is written in. They are shorter than the vocabulary's labels because a reason
 * has to fit on one line beside a clinician's name: "offers MI; 8 years opioid experience; speaks Spanish".
 */

/** Approaches as clinicians say them in conversation. */
export const approachShortLabels: Record<TherapeuticApproach, string> = {
  cbt: 'CBT',
  dbt: 'DBT',
  motivational_interviewing: 'MI',
  psychodynamic: 'psychodynamic therapy',
  family_therapy: 'family therapy',
  contingency_management: 'CM',
  expressive: 'expressive therapies',
  trauma_focused: 'trauma-focused therapy',
  medication_management: 'medication management',
};

/** A substance class used as an adjective: "8 years opioid experience", "stimulant use". */
export const substanceAdjectives: Record<SubstanceClass, string> = {
  alcohol: 'alcohol',
  opioids: 'opioid',
  cannabis: 'cannabis',
  sedatives: 'sedative',
  cocaine: 'cocaine',
  other_stimulants: 'stimulant',
  hallucinogens: 'hallucinogen',
  nicotine: 'nicotine',
  inhalants: 'inhalant',
  other_psychoactive: 'other psychoactive substance',
};

/** Co-occurring conditions as they read after "experienced with". */
export const conditionShortLabels: Record<CoOccurringCondition, string> = {
  depression: 'depression',
  anxiety: 'anxiety',
  ptsd: 'PTSD',
  bipolar: 'bipolar disorder',
  psychotic_disorder: 'psychotic disorders',
  adhd: 'ADHD',
  personality_disorder: 'personality disorders',
  eating_disorder: 'eating disorders',
  chronic_pain: 'chronic pain',
  hiv: 'HIV',
  hepatitis_c: 'hepatitis C',
  pregnancy: 'pregnant patients',
};

/** "a woman therapist": every gender label starts with a consonant sound, so the article is always "a". */
export const clinicianGenderPhrases: Record<ClinicianGender, string> = {
  woman: 'a woman therapist',
  man: 'a man therapist',
  non_binary: 'a non-binary therapist',
};

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
const andList = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
const orList = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });

/** The primary language subtag of a BCP 47 tag, lower-cased: `es-MX` -> `es`. */
export function primaryLanguageSubtag(tag: string): string {
  return (tag.trim().split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * Whether two BCP 47 tags name the same language for talking in a session. Only the primary subtag counts: a
 * patient who speaks `es-MX` is understood by a clinician who lists `es` or `es-ES`.
 */
export function sameSpokenLanguage(a: string, b: string): boolean {
  const primary = primaryLanguageSubtag(a);
  return primary !== '' && primary === primaryLanguageSubtag(b);
}

/** The English name of a tag's language ("Spanish" for `es-MX`); the tag itself when it is not one. */
export function languageName(tag: string): string {
  const primary = primaryLanguageSubtag(tag);
  try {
    return languageNames.of(primary) ?? tag;
  } catch {
    // Intl rejects malformed tags; a name nobody recognises still reads better than an error.
    return tag;
  }
}

/** "MI, CBT, and DBT" */
export function listWithAnd(items: readonly string[]): string {
  return andList.format(items);
}

/** "MI or CBT" */
export function listWithOr(items: readonly string[]): string {
  return orList.format(items);
}

/** "1 year", "8 years" */
export function years(count: number): string {
  return `${count} ${count === 1 ? 'year' : 'years'}`;
}
