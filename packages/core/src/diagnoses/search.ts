import { type Diagnosis, substanceUseDiagnoses } from './catalog.ts';

export interface DiagnosisSearchOptions {
  /** At most this many results; 20 unless given. */
  limit?: number;
  /** Leave out categories and subcategories, which cannot go on a claim. */
  billableOnly?: boolean;
}

const defaultLimit = 20;

/** A query word that is a code or the start of one: F11, f112, F11.2 (the dot, if any, after the category). */
const codeToken = /^[a-z][0-9](?:[0-9a-z]{0,5}|[0-9a-z]\.[0-9a-z]{0,4})$/i;

/** Lower case, accents dropped (ï is i), split on anything but letters and digits. */
function words(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

interface Indexed {
  diagnosis: Diagnosis;
  plainCode: string;
  words: string[];
  order: number;
}

const index: Indexed[] = substanceUseDiagnoses.map((diagnosis, order) => ({
  diagnosis,
  plainCode: diagnosis.code.replace('.', ''),
  words: words(diagnosis.description),
  order,
}));

/**
 * Finds F10-F19 diagnoses as a clinician types, by code or by description.
 *
 * A query that is a code or its start (F11.2, f112) returns the code itself first, then the codes under it in
 * Tabular List order. Otherwise every word of the query must start a word of the description, in any order, case
 * and accents ignored ("opioid withdrawal", "alc dep remission"); a code word among them narrows to that code
 * ("F17 withdrawal"). Word matches rank by how many query words match whole words, then the shorter description
 * (the more general diagnosis) first, then Tabular List order.
 */
export function searchDiagnoses(query: string, options: DiagnosisSearchOptions = {}): Diagnosis[] {
  const limit = Math.max(0, Math.floor(options.limit ?? defaultLimit));
  const tokens = query.split(/[\s,;]+/).filter((token) => token !== '');
  if (tokens.length === 0 || limit === 0) return [];

  const codePrefixes = tokens.filter((token) => codeToken.test(token)).map((token) => plainOf(token));
  const queryWords = tokens.filter((token) => !codeToken.test(token)).flatMap(words);
  if (codePrefixes.length === 0 && queryWords.length === 0) return [];
  const candidates = index.filter(
    (entry) =>
      (!options.billableOnly || entry.diagnosis.billable) &&
      codePrefixes.every((prefix) => entry.plainCode.startsWith(prefix)),
  );

  // A code search: the Tabular List puts a code before the codes under it, so the exact code comes first.
  if (queryWords.length === 0) return candidates.slice(0, limit).map((entry) => entry.diagnosis);

  return candidates
    .filter((entry) => queryWords.every((word) => entry.words.some((own) => own.startsWith(word))))
    .map((entry) => ({
      entry,
      wholeWords: queryWords.filter((word) => entry.words.includes(word)).length,
    }))
    .sort(
      (a, b) =>
        b.wholeWords - a.wholeWords ||
        a.entry.diagnosis.description.length - b.entry.diagnosis.description.length ||
        a.entry.order - b.entry.order,
    )
    .slice(0, limit)
    .map(({ entry }) => entry.diagnosis);
}

function plainOf(token: string): string {
  return token.toUpperCase().replace('.', '');
}
