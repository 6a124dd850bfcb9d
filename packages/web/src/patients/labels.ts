import type { CareTeamRole } from '@tandem/core/access/resources';

interface Named {
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
}

/** How staff address the person: the name they go by, then the family name ("Joe Nguyễn"). */
export function displayName(patient: Named): string {
  return `${patient.preferredName ?? patient.legalGivenName} ${patient.legalFamilyName}`;
}

/**
 * A list row's name: the legal name as lists sort it when the caller reads the patient's demographics, otherwise
 * (a support contact) the name the patient goes by, which is all the row carries.
 */
export function rowName(patient: Partial<Named> & { name: string }): string {
  const { legalGivenName, legalFamilyName, preferredName } = patient;
  if (legalGivenName === undefined || legalFamilyName === undefined) return patient.name;
  return listName({ legalGivenName, legalFamilyName, preferredName: preferredName ?? null });
}

/** The legal name as a list sorts it, with the name they go by when it differs ("Nguyễn, José (Joe)"). */
export function listName(patient: Named): string {
  const preferred =
    patient.preferredName !== null && patient.preferredName !== patient.legalGivenName
      ? ` (${patient.preferredName})`
      : '';
  return `${patient.legalFamilyName}, ${patient.legalGivenName}${preferred}`;
}

/** Whole years of age on `today` (both calendar days, YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [birthYear, birthMonth, birthDay] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = month > birthMonth || (month === birthMonth && day >= birthDay);
  return year - birthYear - (hadBirthday ? 0 : 1);
}

// Calendar dates ("1988-04-12") are formatted in UTC so that no time zone shifts the day.
const calendarDateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
export function formatCalendarDate(date: string): string {
  return calendarDateFormat.format(new Date(`${date}T00:00:00Z`));
}

export { patientStatusLabels } from '@tandem/core/patients/status';

export const patientStatusColors: Record<string, string> = {
  registered: 'blue',
  active: 'teal',
  discharged: 'gray',
  deceased: 'dark',
};

export const careTeamRoleLabels: Record<CareTeamRole, string> = {
  primary_therapist: 'Primary therapist',
  case_manager: 'Case manager',
  group_facilitator: 'Group facilitator',
  prescriber: 'Prescriber',
  supervisor: 'Supervisor',
};
