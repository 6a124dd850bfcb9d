import {
  type AsamEdition,
  asamFourthEditionLevels,
  asamThirdEditionLevels,
  type CareSetting,
  careSettingLabels,
  careSettings,
} from '@tandem/core/admission/vocabulary';
import type { PatientStatus } from '@tandem/core/patients/status';
import type { PatientListRequest, PatientPage, PatientSummary } from './api.ts';

/** What the patient list page holds: the search box, the filters and the page it shows. */
export interface PatientListFilters {
  search: string;
  status: PatientStatus | null;
  setting: CareSetting | null;
  /** An ASAM level as "edition:level" ("3:3.5"), the value of one option of the level select. */
  level: string | null;
  therapistStaffMemberId: string | null;
}

export const emptyPatientListFilters: PatientListFilters = {
  search: '',
  status: null,
  setting: null,
  level: null,
  therapistStaffMemberId: null,
};

export const patientListPageSize = 50;

/** The request body of POST /api/patients/search for the filters and an offset. */
export function toPatientListRequest(filters: PatientListFilters, offset: number): PatientListRequest {
  const request: PatientListRequest = { limit: patientListPageSize, offset };
  const q = filters.search.trim();
  if (q !== '') request.q = q;
  if (filters.status !== null) request.status = filters.status;
  if (filters.setting !== null) request.setting = filters.setting;
  const level = parseLevelValue(filters.level);
  if (level !== undefined) {
    request.asamEdition = level.edition;
    request.asamLevel = level.level;
  }
  if (filters.therapistStaffMemberId !== null)
    request.therapistStaffMemberId = filters.therapistStaffMemberId;
  return request;
}

export function parseLevelValue(value: string | null): { edition: AsamEdition; level: string } | undefined {
  if (value === null) return undefined;
  const [edition, ...rest] = value.split(':');
  const level = rest.join(':');
  if ((edition !== '3' && edition !== '4') || level === '') return undefined;
  const levels: Record<string, string> = edition === '3' ? asamThirdEditionLevels : asamFourthEditionLevels;
  return Object.hasOwn(levels, level) ? { edition, level } : undefined;
}

/** True when anything narrows the list. */
export function isFiltered(filters: PatientListFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.status !== null ||
    filters.setting !== null ||
    filters.level !== null ||
    filters.therapistStaffMemberId !== null
  );
}

export const settingOptions = careSettings.map((setting) => ({
  value: setting,
  label: careSettingLabels[setting],
}));

/** The level select's options, grouped by ASAM edition. */
export const levelOptions = [
  {
    group: 'ASAM 3rd edition',
    items: Object.entries(asamThirdEditionLevels).map(([level, name]) => ({
      value: `3:${level}`,
      label: `${level} · ${name}`,
    })),
  },
  {
    group: 'ASAM 4th edition',
    items: Object.entries(asamFourthEditionLevels).map(([level, name]) => ({
      value: `4:${level}`,
      label: `${level} · ${name}`,
    })),
  },
];

/**
 * Where the patient is treated now, as the list's column reads: "Outpatient · ASAM 1.5 (4th)". A row without
 * the episode is one whose episodes the caller may not read (they are the care team's).
 */
export function levelOfCareText(episode: PatientSummary['currentEpisode']): string {
  if (episode === undefined) return 'Care team only';
  if (episode === null) return 'Not admitted';
  const setting = careSettingLabels[episode.setting];
  if (episode.asamEdition === null || episode.asamLevel === null) return setting;
  return `${setting} · ASAM ${episode.asamLevel} (${episode.asamEdition === '3' ? '3rd' : '4th'})`;
}

const count = new Intl.NumberFormat('en-US');

/** "Showing 51–100 of 1,000+ patients" (the server stops counting at its list depth). */
export function describePage(
  page: Pick<PatientPage, 'items' | 'total' | 'totalIsExact'>,
  offset: number,
): string {
  if (page.items.length === 0) return 'No patients';
  const total = `${count.format(page.total)}${page.totalIsExact ? '' : '+'}`;
  const noun = page.total === 1 && page.totalIsExact ? 'patient' : 'patients';
  return `Showing ${count.format(offset + 1)}–${count.format(offset + page.items.length)} of ${total} ${noun}`;
}
