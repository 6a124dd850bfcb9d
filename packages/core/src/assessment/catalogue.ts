/**
 * Every instrument Tandem knows, by id and version. A stored response names the version it was scored with; a
 * retired version stays here so that old responses can be read and rescored, but no new response may use it.
 */
import type { Instrument } from './instrument.ts';
import { gad7 } from './instruments/gad-7.ts';
import { phq9 } from './instruments/phq-9.ts';
import { type Answers, type ScoringResult, scoreResponse } from './score.ts';

export interface CatalogueEntry {
  readonly instrument: Instrument;
  /** Whether new responses may be given on this version. */
  readonly current: boolean;
}

const entries: readonly CatalogueEntry[] = [
  { instrument: phq9, current: true },
  { instrument: gad7, current: true },
];

/** The instruments new responses may be given on, one per id. */
export const instrumentCatalogue: readonly Instrument[] = entries
  .filter((entry) => entry.current)
  .map((entry) => entry.instrument);

const byIdAndVersion = new Map(
  entries.map((entry) => [`${entry.instrument.id}@${entry.instrument.version}`, entry]),
);
const currentById = new Map(instrumentCatalogue.map((instrument) => [instrument.id, instrument]));

/** The instrument with this id: the current version, or the one named (retired versions included). */
export function findInstrument(id: string, version?: number): CatalogueEntry | undefined {
  if (version !== undefined) return byIdAndVersion.get(`${id}@${version}`);
  const instrument = currentById.get(id);
  return instrument === undefined ? undefined : { instrument, current: true };
}

export type ScoreByIdResult =
  | ScoringResult
  | { readonly ok: false; readonly problems: readonly [{ readonly problem: 'unknown-instrument' }] };

/** Scores answers to the instrument named by id (and version: a stored response's own). */
export function scoreInstrument(id: string, answers: Answers, version?: number): ScoreByIdResult {
  const entry = findInstrument(id, version);
  if (entry === undefined) return { ok: false, problems: [{ problem: 'unknown-instrument' }] };
  return scoreResponse(entry.instrument, answers);
}
