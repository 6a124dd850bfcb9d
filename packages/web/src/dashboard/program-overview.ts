import { careSettings } from '@tandem/core/admission/vocabulary';
import type { IntlShape } from 'react-intl';
import type { PatientPage, PatientSummary } from '../patients/api.ts';

/** A patient's level of care as the list carries it: the setting and, when assessed, the ASAM level. */
export type LevelOfCare = NonNullable<PatientSummary['currentEpisode']>;

/**
 * The supervisor's "Program overview": what the patient list already tells a supervisor about the patients in
 * treatment, counted. A row's level of care and admission date are the episode of care, which a supervisor reads
 * only for the patients of the care teams they supervise (the access policy); the others are counted as such,
 * never guessed.
 */
export interface ProgramOverview {
  /** Patients whose status is active (an open episode of care), across the program. */
  inTreatment: number;
  /** False when the list stopped counting at its depth: `inTreatment` is then a lower bound. */
  inTreatmentIsExact: boolean;
  /**
   * Among the rows whose episode the caller may read, by level of care, in the vocabulary's order of settings
   * (then by ASAM edition and level). `level` is one of the episodes counted, to name the level by.
   */
  byLevelOfCare: { level: LevelOfCare; count: number }[];
  /** Rows whose episode is their care team's: counted, level of care not shown. */
  levelNotShown: number;
  /** Patients in treatment beyond the rows fetched (past the list's depth). */
  notFetched: number;
  /** The first day of the program's month, `YYYY-MM-01`. */
  monthStart: string;
  /** Among the rows whose episode the caller may read: admitted on or after `monthStart`, still in treatment. */
  admittedThisMonth: number;
}

const levelKey = (episode: LevelOfCare) =>
  `${episode.setting}|${episode.asamEdition ?? ''}|${episode.asamLevel ?? ''}`;

export function programOverview(
  page: Pick<PatientPage, 'total' | 'totalIsExact'> & { items: PatientSummary[] },
  today: string,
): ProgramOverview {
  const monthStart = `${today.slice(0, 8)}01`;
  const levels = new Map<string, { level: LevelOfCare; count: number }>();
  let levelNotShown = 0;
  let admittedThisMonth = 0;
  for (const patient of page.items) {
    const episode = patient.currentEpisode;
    if (episode === undefined || episode === null) {
      levelNotShown += 1;
      continue;
    }
    const key = levelKey(episode);
    const level = levels.get(key) ?? { level: episode, count: 0 };
    level.count += 1;
    levels.set(key, level);
    if (episode.admittedOn >= monthStart) admittedThisMonth += 1;
  }
  const byLevelOfCare = [...levels.values()].sort(
    (a, b) =>
      careSettings.indexOf(a.level.setting) - careSettings.indexOf(b.level.setting) ||
      levelKey(a.level).localeCompare(levelKey(b.level), 'en', { numeric: true }),
  );
  return {
    inTreatment: page.total,
    inTreatmentIsExact: page.totalIsExact,
    byLevelOfCare,
    levelNotShown,
    notFetched: Math.max(0, page.total - page.items.length),
    monthStart,
    admittedThisMonth,
  };
}

/** "December 1" for `2026-12-01`: the day as written, whatever the browser's time zone. */
export function monthStartLabel(intl: IntlShape, monthStart: string): string {
  return intl.formatDate(`${monthStart}T00:00:00Z`, { month: 'long', day: 'numeric', timeZone: 'UTC' });
}
