import {
  type AsamEdition,
  asamFourthEditionLevels,
  asamThirdEditionLevels,
  type CareSetting,
  careSettings,
} from '@tandem/core/admission/vocabulary';
import type { PatientStatus } from '@tandem/core/patients/status';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import {
  asamFourthEditionLevelNames,
  asamThirdEditionLevelNames,
  careSettingLabels,
} from '../admission/labels.ts';
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

const messages: Record<
  | 'thirdEdition'
  | 'fourthEdition'
  | 'levelOption'
  | 'careTeamOnly'
  | 'notAdmitted'
  | 'levelWithAsam'
  | 'noPatients'
  | 'showing',
  MessageDescriptor
> = defineMessages({
  thirdEdition: { id: 'patients.listFilters.asamThirdEdition', defaultMessage: 'ASAM 3rd edition' },
  fourthEdition: { id: 'patients.listFilters.asamFourthEdition', defaultMessage: 'ASAM 4th edition' },
  levelOption: { id: 'patients.listFilters.levelOption', defaultMessage: '{level} · {name}' },
  careTeamOnly: { id: 'patients.listFilters.careTeamOnly', defaultMessage: 'Care team only' },
  notAdmitted: { id: 'patients.listFilters.notAdmitted', defaultMessage: 'Not admitted' },
  levelWithAsam: {
    id: 'patients.listFilters.levelOfCareWithAsam',
    defaultMessage: '{setting} · ASAM {level} ({edition, select, 3 {3rd} other {4th}})',
  },
  noPatients: { id: 'patients.listFilters.noPatients', defaultMessage: 'No patients' },
  showing: {
    id: 'patients.listFilters.showing',
    defaultMessage:
      '{exact, select, true {Showing {first}–{last} of {total, plural, one {# patient} other {# patients}}} other {Showing {first}–{last} of {total, number}+ patients}}',
  },
});

export function settingOptions(intl: IntlShape): { value: CareSetting; label: string }[] {
  return careSettings.map((setting) => ({
    value: setting,
    label: intl.formatMessage(careSettingLabels[setting]),
  }));
}

/** The level select's options, grouped by ASAM edition. */
export function levelOptions(intl: IntlShape) {
  const items = (edition: '3' | '4', names: Record<string, MessageDescriptor>) =>
    Object.entries(names).map(([level, name]) => ({
      value: `${edition}:${level}`,
      label: intl.formatMessage(messages.levelOption, { level, name: intl.formatMessage(name) }),
    }));
  return [
    { group: intl.formatMessage(messages.thirdEdition), items: items('3', asamThirdEditionLevelNames) },
    { group: intl.formatMessage(messages.fourthEdition), items: items('4', asamFourthEditionLevelNames) },
  ];
}

/**
 * Where the patient is treated now, as the list's column reads: "Outpatient · ASAM 1.5 (4th)". A row without
 * the episode is one whose episodes the caller may not read (they are the care team's).
 */
export function levelOfCareText(intl: IntlShape, episode: PatientSummary['currentEpisode']): string {
  if (episode === undefined) return intl.formatMessage(messages.careTeamOnly);
  if (episode === null) return intl.formatMessage(messages.notAdmitted);
  const setting = intl.formatMessage(careSettingLabels[episode.setting]);
  if (episode.asamEdition === null || episode.asamLevel === null) return setting;
  return intl.formatMessage(messages.levelWithAsam, {
    setting,
    level: episode.asamLevel,
    edition: episode.asamEdition,
  });
}

/** "Showing 51–100 of 1,000+ patients" (the server stops counting at its list depth). */
export function describePage(
  intl: IntlShape,
  page: Pick<PatientPage, 'items' | 'total' | 'totalIsExact'>,
  offset: number,
): string {
  if (page.items.length === 0) return intl.formatMessage(messages.noPatients);
  return intl.formatMessage(messages.showing, {
    exact: String(page.totalIsExact),
    first: intl.formatNumber(offset + 1),
    last: intl.formatNumber(offset + page.items.length),
    total: page.total,
  });
}
