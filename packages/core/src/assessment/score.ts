/**
 * Scoring, the one function every instrument goes through: the answers by item id in, the totals, subscales,
 * bands and critical items out, with the reason when a score cannot be given. Pure and allocation-light: a
 * program scores every measure it has ever stored when a rule changes, and the benchmark scores a million.
 */
import {
  type CriticalRule,
  type Instrument,
  type InstrumentItem,
  isRatingScale,
  itemRange,
  type ScoreBand,
  type ScoreDefinition,
} from './instrument.ts';

/** Answers by item id; null or absent means not answered. */
export type Answers = Readonly<Record<string, number | null | undefined>>;

export type AnswerProblem =
  | { readonly itemId: string; readonly problem: 'unknown-item' }
  | { readonly itemId: string; readonly problem: 'not-an-answer'; readonly allowed: readonly number[] }
  | { readonly itemId: string; readonly problem: 'out-of-range'; readonly min: number; readonly max: number };

export type ScoreOutcome =
  | {
      readonly scored: true;
      readonly value: number;
      /** Whether missing answers were filled in by the instrument's prorating rule. */
      readonly prorated: boolean;
      readonly band: ScoreBand | null;
      readonly missingItemIds: readonly string[];
    }
  | {
      readonly scored: false;
      readonly reason: 'too-many-missing';
      readonly missingItemIds: readonly string[];
      /** How many may be missing for the score to be given (0: every item must be answered). */
      readonly maxMissing: number;
    };

export interface CriticalAnswer {
  readonly itemId: string;
  readonly value: number;
  readonly signal: CriticalRule['signal'];
}

export interface ScoredResponse {
  readonly instrumentId: string;
  readonly version: number;
  /** Absent where the instrument reports no total. */
  readonly total?: ScoreOutcome;
  readonly subscales: Readonly<Record<string, ScoreOutcome>>;
  /** Critical items answered at or above their threshold: each must reach a clinician, whatever the total. */
  readonly criticalAnswers: readonly CriticalAnswer[];
  /** Items answered, of all the instrument's items. */
  readonly answeredCount: number;
}

export type ScoringResult =
  | { readonly ok: true; readonly response: ScoredResponse }
  | { readonly ok: false; readonly problems: readonly AnswerProblem[] };

/** Checks and scores one response to `instrument`. Bad answers are reported, never guessed at. */
export function scoreResponse(instrument: Instrument, answers: Answers): ScoringResult {
  const compiled = compile(instrument);
  const problems: AnswerProblem[] = [];
  for (const itemId in answers) {
    const value = answers[itemId];
    const item = compiled.items.get(itemId);
    if (item === undefined) {
      problems.push({ itemId, problem: 'unknown-item' });
      continue;
    }
    if (value === null || value === undefined) continue;
    const problem = answerProblem(item, value);
    if (problem !== undefined) problems.push(problem);
  }
  if (problems.length > 0) return { ok: false, problems };

  let answeredCount = 0;
  const criticalAnswers: CriticalAnswer[] = [];
  for (const item of instrument.items) {
    const value = answers[item.id];
    if (value === null || value === undefined) continue;
    answeredCount++;
    if (item.critical !== undefined && value >= item.critical.atLeast) {
      criticalAnswers.push({ itemId: item.id, value, signal: item.critical.signal });
    }
  }
  const subscales: Record<string, ScoreOutcome> = {};
  for (const subscale of instrument.subscales) subscales[subscale.id] = scoreOf(subscale, compiled, answers);
  const response: ScoredResponse = {
    instrumentId: instrument.id,
    version: instrument.version,
    ...(instrument.total !== undefined && { total: scoreOf(instrument.total, compiled, answers) }),
    subscales,
    criticalAnswers,
    answeredCount,
  };
  return { ok: true, response };
}

interface CompiledItem {
  readonly item: InstrumentItem;
  readonly min: number;
  readonly max: number;
  /** The values a choice item accepts; undefined for a rating scale (any whole number in range). */
  readonly allowed?: ReadonlySet<number>;
}

interface CompiledInstrument {
  readonly items: ReadonlyMap<string, CompiledItem>;
}

const compiledInstruments = new WeakMap<Instrument, CompiledInstrument>();

function compile(instrument: Instrument): CompiledInstrument {
  const known = compiledInstruments.get(instrument);
  if (known !== undefined) return known;
  const items = new Map<string, CompiledItem>();
  for (const item of instrument.items) {
    const range = itemRange(item);
    items.set(item.id, {
      item,
      ...range,
      ...(!isRatingScale(item.answers) && { allowed: new Set(item.answers.map((option) => option.value)) }),
    });
  }
  const compiled = { items };
  compiledInstruments.set(instrument, compiled);
  return compiled;
}

function answerProblem(compiled: CompiledItem, value: number): AnswerProblem | undefined {
  const { item, min, max, allowed } = compiled;
  if (allowed !== undefined) {
    return allowed.has(value)
      ? undefined
      : { itemId: item.id, problem: 'not-an-answer', allowed: [...allowed] };
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    return { itemId: item.id, problem: 'out-of-range', min, max };
  }
  return undefined;
}

function scoreOf(definition: ScoreDefinition, compiled: CompiledInstrument, answers: Answers): ScoreOutcome {
  let sum = 0;
  let answered = 0;
  const missing: string[] = [];
  for (const itemId of definition.itemIds) {
    const value = answers[itemId];
    if (value === null || value === undefined) {
      missing.push(itemId);
      continue;
    }
    const item = compiled.items.get(itemId);
    sum += item?.item.reverse === true ? item.min + item.max - value : value;
    answered++;
  }
  const maxMissing = definition.missing.kind === 'prorate' ? definition.missing.maxMissing : 0;
  if (missing.length > maxMissing || answered === 0) {
    return { scored: false, reason: 'too-many-missing', missingItemIds: missing, maxMissing };
  }
  const count = definition.itemIds.length;
  const value =
    definition.method === 'mean'
      ? sum / answered
      : missing.length === 0
        ? sum
        : Math.round((sum * count) / answered);
  return {
    scored: true,
    value,
    prorated: missing.length > 0,
    band: bandOf(definition.bands, value),
    missingItemIds: missing,
  };
}

/** The band a score falls in; bands of a mean score are closed on the left ([min, next band's min)). */
export function bandOf(bands: readonly ScoreBand[] | undefined, value: number): ScoreBand | null {
  if (bands === undefined) return null;
  for (const band of bands) if (value >= band.min && value <= band.max) return band;
  // A mean (ECR-RS, 3.5) can fall between one band's max and the next one's min.
  let found: ScoreBand | null = null;
  for (const band of bands) if (value >= band.min) found = band;
  return found;
}
