/**
 * The queries of the patient-search benchmark: what front desk staff and clinicians type and pick, drawn from
 * the generated patients themselves so that most of them find someone. Searches go in a POST body like the web
 * app sends them; filters without a search use the GET list.
 */
import type { DB } from '@tandem/server/db/schema.generated';
import { type Kysely, sql } from 'kysely';

export interface SearchQuery {
  kind: string;
  path: string;
  body?: Record<string, unknown>;
  /** The patient the query was drawn from, who must be on its first page. */
  expects?: string;
}

/** A small seeded generator (mulberry32): the same mix for the same seed on any machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let index = result.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [result[index], result[other]] = [result[other] as T, result[index] as T];
  }
  return result;
}

/** A typing slip: one letter inside the word dropped ("nguyen" → "nguen"). */
export function dropOneLetter(word: string, random: () => number): string {
  if (word.length < 5) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, at) + word.slice(at + 1);
}

/** The nearest-rank percentile of a sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

interface SampledPatient {
  id: string;
  mrn: string;
  searchName: string;
  sortName: string;
  dateOfBirth: string;
}

/** `perKind` queries of each kind, in a shuffled order. */
export async function searchQueryMix(
  db: Kysely<DB>,
  options: { seed: number; perKind: number },
): Promise<SearchQuery[]> {
  const random = seededRandom(options.seed);
  const { rows: sample } = await sql<SampledPatient>`
    SELECT id, mrn, search_name, sort_name, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth
    FROM patients ORDER BY md5(id::text || ${options.seed}::text) LIMIT ${options.perKind}
  `.execute(db);
  const { rows: therapists } = await sql<{ staffMemberId: string }>`
    SELECT DISTINCT staff_member_id FROM care_team_members
    WHERE role = 'primary_therapist' AND ended_at IS NULL ORDER BY staff_member_id LIMIT ${options.perKind}
  `.execute(db);
  const { rows: levels } = await sql<{ setting: string; asamEdition: string; asamLevel: string }>`
    SELECT DISTINCT setting, asam_edition, asam_level FROM episodes_of_care
    WHERE status = 'active' AND asam_level IS NOT NULL ORDER BY 1, 2, 3
  `.execute(db);
  if (sample.length === 0 || therapists.length === 0 || levels.length === 0) {
    throw new Error('The benchmark database has no generated patients with episodes and therapists');
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const search = (kind: string, body: Record<string, unknown>, expects?: string): SearchQuery => ({
    kind,
    path: '/api/patients/search',
    body,
    ...(expects === undefined ? {} : { expects }),
  });
  const list = (kind: string, query: Record<string, string>): SearchQuery => ({
    kind,
    path: `/api/patients?${new URLSearchParams(query)}`,
  });
  const queries: SearchQuery[] = [];
  for (const [index, patient] of sample.entries()) {
    // sort_name is "family given", search_name "given [preferred] family": both without accents.
    const given = patient.searchName.split(' ')[0] as string;
    const family = patient.sortName.slice(0, patient.sortName.length - given.length - 1);
    const familyWord = family.split(' ')[0] as string;
    const [year, month, day] = patient.dateOfBirth.split('-');
    const level = pick(levels);
    queries.push(
      search('name-typo', { q: `${given} ${dropOneLetter(familyWord, random)}` }, patient.id),
      search('name-unaccented', { q: `${given} ${familyWord}` }, patient.id),
      search('name-prefix', { q: familyWord.slice(0, 3) }),
      search('mrn', { q: index % 2 === 0 ? patient.mrn : String(Number(patient.mrn)) }, patient.id),
      search(
        'date-of-birth',
        { q: index % 2 === 0 ? `${month}/${day}/${year}` : patient.dateOfBirth },
        patient.id,
      ),
      search('name-and-setting', { q: familyWord, setting: level.setting }),
      list('list', index % 4 === 0 ? { offset: '50' } : {}),
      list('filter-setting-level', {
        setting: level.setting,
        asamEdition: level.asamEdition,
        asamLevel: level.asamLevel,
      }),
      list('filter-therapist', { therapistStaffMemberId: pick(therapists).staffMemberId }),
      list('filter-status', { status: pick(['active', 'discharged', 'deceased']) }),
      { kind: 'record-fetch', path: `/api/patients/${patient.id}` },
    );
  }
  return shuffle(queries, random);
}
