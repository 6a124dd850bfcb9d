/**
 * What an instrument is, as data: its items and answers, how it is scored, what its scores mean, which answers
 * must reach a clinician at once, where it comes from and what its licence lets Tandem ship. One pure scoring
 * function (score.ts) reads every instrument through this shape.
 */

/** The languages an instrument's text may be shown in (only where an official version exists). */
export type InstrumentLanguage = 'en' | 'es';

/** Text as the instrument's authors publish it: English, and an official translation where there is one. */
export interface InstrumentText {
  readonly en: string;
  readonly es?: string;
}

/** One answer an item offers and the value it scores. */
export interface ResponseOption {
  readonly value: number;
  readonly label: InstrumentText;
}

/** A whole-number rating between two anchors (a 0-10 ruler). */
export interface RatingScale {
  readonly min: number;
  readonly max: number;
  readonly minLabel: InstrumentText;
  readonly maxLabel: InstrumentText;
}

/** What an answer at or above `atLeast` on a critical item means; it raises an alert whatever the total. */
export interface CriticalRule {
  readonly atLeast: number;
  readonly signal: 'self-harm' | 'substance-use' | 'safety';
}

export interface InstrumentItem {
  /** Stable across versions while the item means the same; answers are keyed by it. */
  readonly id: string;
  /**
   * The item as published; null where the licence keeps the text out of Tandem (the organization that holds
   * the licence loads it).
   */
  readonly text: InstrumentText | null;
  /** Choices, or a whole-number rating scale. */
  readonly answers: readonly ResponseOption[] | RatingScale;
  /** Whether the item counts towards the total (PHQ-9's difficulty question does not). */
  readonly scored: boolean;
  /** Scored as (min + max − answer). */
  readonly reverse?: boolean;
  readonly critical?: CriticalRule;
  readonly loinc?: string;
}

/** A score band as the instrument's authors draw it (inclusive bounds). */
export interface ScoreBand {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly label: InstrumentText;
  /** Whether a clinician should act on a result in this band (screens positive, clinically significant). */
  readonly clinical: boolean;
}

/**
 * What the authors say to do when answers are missing: refuse to score, or prorate (the mean of the answered
 * items times the number of items, rounded) when no more than `maxMissing` are missing.
 */
export type MissingAnswersRule =
  | { readonly kind: 'refuse' }
  | { readonly kind: 'prorate'; readonly maxMissing: number };

export interface ScoreDefinition {
  /** Items that make this score; their answers' values are summed, or averaged. */
  readonly itemIds: readonly string[];
  readonly method: 'sum' | 'mean';
  readonly missing: MissingAnswersRule;
  readonly range: { readonly min: number; readonly max: number };
  readonly bands?: readonly ScoreBand[];
  /** Which way is better, for trends and charts. */
  readonly higherIs: 'worse' | 'better';
  /**
   * The change in points the literature treats as reliable or clinically meaningful (each instrument cites its
   * source); charts mark changes this large and alliance monitoring reads it.
   */
  readonly meaningfulChange?: number;
  readonly loinc?: string;
}

export interface Subscale extends ScoreDefinition {
  readonly id: string;
  readonly name: InstrumentText;
}

export type InstrumentKind =
  /** A validated instrument, scored as published. */
  | 'validated'
  /** A single rating (readiness ruler, craving 0-10): useful over time, not a validated scale. */
  | 'rating'
  /** Tandem's own checklist: a symptom tracker, not a validated instrument. */
  | 'symptom-tracker';

export type LicenceKind =
  /** Public domain or "no permission required": items embedded. */
  | 'public-domain'
  /** Free to use with attribution, items embedded. */
  | 'free-to-use'
  /** Written by Tandem's authors, Apache-2.0 with the code. */
  | 'tandem'
  /** Needs the owner's licence or permission: structure and scoring only; an organization loads the items. */
  | 'licensed';

export interface InstrumentLicence {
  readonly kind: LicenceKind;
  /** What the owner says, briefly, and where; docs/instruments.md has the whole record. */
  readonly statement: string;
}

export interface Instrument {
  /** Lowercase, stable: 'phq-9'. */
  readonly id: string;
  /** A stored response keeps the version it was scored with. */
  readonly version: number;
  readonly abbreviation: string;
  readonly name: InstrumentText;
  readonly kind: InstrumentKind;
  readonly construct: string;
  /** What the person answering reads first; null where the licence keeps it out. */
  readonly instructions: InstrumentText | null;
  readonly items: readonly InstrumentItem[];
  /** The total; absent where an instrument reports only subscales (BAM). */
  readonly total?: ScoreDefinition;
  readonly subscales: readonly Subscale[];
  /** Who answers: the patient, or the clinician rating the patient. */
  readonly answeredBy: 'patient' | 'clinician';
  /** The published source of the items and the scoring. */
  readonly source: string;
  readonly licence: InstrumentLicence;
  readonly loinc?: string;
  /** Languages with official text embedded (a licensed skeleton has none). */
  readonly languages: readonly InstrumentLanguage[];
}

export function isRatingScale(answers: InstrumentItem['answers']): answers is RatingScale {
  return !Array.isArray(answers);
}

/** The lowest and highest value an item's answers score. */
export function itemRange(item: InstrumentItem): { min: number; max: number } {
  const answers = item.answers;
  if (isRatingScale(answers)) return { min: answers.min, max: answers.max };
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const option of answers) {
    if (option.value < min) min = option.value;
    if (option.value > max) max = option.value;
  }
  return { min, max };
}
