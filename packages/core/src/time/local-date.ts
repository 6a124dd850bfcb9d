/**
 * Consents run by calendar dates in the program's own time zone: a consent that "expires on 2026-03-31"
 * lapses when that day ends where the program is, not in UTC. Dates are ISO strings (YYYY-MM-DD), which
 * compare correctly as strings.
 */
export type LocalDate = string;

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): value is LocalDate {
  if (!isoDatePattern.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** The calendar date at `moment` in `timeZone` (an IANA name such as America/Los_Angeles). */
export function localDateAt(moment: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(moment);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}
