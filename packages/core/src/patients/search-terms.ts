/**
 * What a patient search box holds, read the way front desk staff type it: name words ("jose nguen"), a medical
 * record number or its beginning ("0001234", "1234"), a date of birth ("1984-03-07", "03/07/1984", "3/7/1984"),
 * or a mix ("nguyen 09/30/1975"). Dates are read month first, as US programs write them; an impossible date
 * (02/30/1984) is not a date but an MRN-like token, and matches nothing.
 */
export interface PatientSearchTerms {
  /** Lower-case name words, accents kept (the database removes them the same way it does for names). */
  nameWords: string[];
  /** Upper-case MRN beginnings; a number also matches the zero-padded MRN it stands for. */
  mrnPrefixes: string[];
  /** ISO dates (YYYY-MM-DD) of birth. */
  datesOfBirth: string[];
}

const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const usDate = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export function parsePatientSearch(text: string): PatientSearchTerms {
  const terms: PatientSearchTerms = { nameWords: [], mrnPrefixes: [], datesOfBirth: [] };
  // Commas and semicolons separate like spaces ("Nguyen, Jose"); apostrophes and hyphens stay inside names.
  for (const token of text.normalize('NFC').split(/[\s,;]+/)) {
    if (token === '') continue;
    const date = parseDateToken(token);
    if (date !== undefined) terms.datesOfBirth.push(date);
    else if (/\d/.test(token)) terms.mrnPrefixes.push(token.toUpperCase());
    else terms.nameWords.push(token.toLowerCase());
  }
  return terms;
}

function parseDateToken(token: string): string | undefined {
  const iso = isoDate.exec(token);
  if (iso !== null) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const us = usDate.exec(token);
  if (us !== null) return calendarDate(Number(us[3]), Number(us[1]), Number(us[2]));
  return undefined;
}

function calendarDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** True when the search has nothing to search by (only filters, or an empty box). */
export function isEmptySearch(terms: PatientSearchTerms): boolean {
  return terms.nameWords.length === 0 && terms.mrnPrefixes.length === 0 && terms.datesOfBirth.length === 0;
}
