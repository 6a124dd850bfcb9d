import type { PatientStatus } from '@tandem/core/patients/status';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';

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

/** A calendar day (YYYY-MM-DD) as the reader writes dates, in UTC so that no time zone shifts the day. */
export function formatCalendarDate(intl: IntlShape, date: string): string {
  return intl.formatDate(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
}

export const patientStatusLabels: Record<PatientStatus, MessageDescriptor> = defineMessages({
  registered: { id: 'patients.status.registered', defaultMessage: 'Registered' },
  active: { id: 'patients.status.active', defaultMessage: 'Active' },
  discharged: { id: 'patients.status.discharged', defaultMessage: 'Discharged' },
  deceased: { id: 'patients.status.deceased', defaultMessage: 'Deceased' },
});

export const patientStatusColors: Record<string, string> = {
  registered: 'blue',
  active: 'teal',
  discharged: 'gray',
  deceased: 'dark',
};

/** A status as a badge reads it; a status this web app does not know yet shows as the server sent it. */
export function patientStatusLabel(intl: IntlShape, status: string): string {
  const label = patientStatusLabels[status as PatientStatus];
  return label === undefined ? status : intl.formatMessage(label);
}

export const sexAssignedAtBirthLabels: Record<'female' | 'male' | 'intersex' | 'unknown', MessageDescriptor> =
  defineMessages({
    unknown: { id: 'patients.sexAssignedAtBirth.unknown', defaultMessage: 'Not recorded' },
    female: { id: 'patients.sexAssignedAtBirth.female', defaultMessage: 'Female' },
    male: { id: 'patients.sexAssignedAtBirth.male', defaultMessage: 'Male' },
    intersex: { id: 'patients.sexAssignedAtBirth.intersex', defaultMessage: 'Intersex' },
  });

/** A language as the reader names it in their own language ("Spanish", "español"); the tag if unknown. */
export function languageName(intl: IntlShape, tag: string): string {
  try {
    return intl.formatDisplayName(tag, { type: 'language' }) ?? tag;
  } catch {
    return tag;
  }
}
