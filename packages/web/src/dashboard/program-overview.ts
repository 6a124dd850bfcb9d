import { type CareSetting, careSettingLabels } from '@tandem/core/admission/vocabulary';
import { currentIntl } from '../i18n/current-locale.ts';
import type { PatientPage, PatientSummary } from '../patients/api.ts';
import { levelOfCareText } from '../patients/list-filters.ts';

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
  /** Among the rows whose episode the caller may read, by level of care, in the vocabulary's order of settings. */
  byLevelOfCare: { label: string; count: number }[];
  /** Rows whose episode is their care team's: counted, level of care not shown. */
  levelNotShown: number;
  /** Patients in treatment beyond the rows fetched (past the list's depth). */
  notFetched: number;
  /** The first day of the program's month, `YYYY-MM-01`. */
  monthStart: string;
  /** Among the rows whose episode the caller may read: admitted on or after `monthStart`, still in treatment. */
  admittedThisMonth: number;
}

const settingOrder = Object.keys(careSettingLabels) as CareSetting[];

export function programOverview(
  page: Pick<PatientPage, 'total' | 'totalIsExact'> & { items: PatientSummary[] },
  today: string,
): ProgramOverview {
  const monthStart = `${today.slice(0, 8)}01`;
  const levels = new Map<string, { label: string; setting: CareSetting; count: number }>();
  let levelNotShown = 0;
  let admittedThisMonth = 0;
  for (const patient of page.items) {
    const episode = patient.currentEpisode;
    if (episode === undefined || episode === null) {
      levelNotShown += 1;
      continue;
    }
    const label = levelOfCareText(currentIntl(), episode);
    const level = levels.get(label) ?? { label, setting: episode.setting, count: 0 };
    level.count += 1;
    levels.set(label, level);
    if (episode.admittedOn >= monthStart) admittedThisMonth += 1;
  }
  const byLevelOfCare = [...levels.values()]
    .sort(
      (a, b) =>
        settingOrder.indexOf(a.setting) - settingOrder.indexOf(b.setting) || a.label.localeCompare(b.label),
    )
    .map(({ label, count }) => ({ label, count }));
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
export function monthStartLabel(monthStart: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${monthStart}T00:00:00Z`),
  );
}
