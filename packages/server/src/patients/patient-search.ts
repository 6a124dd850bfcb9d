import { type PatientListScope, parsePatientSearch } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import {
  type MatchTier,
  type PatientMatchQuery,
  patientSearchRepository,
  typoMinimumLength,
} from './patient-search-repository.ts';
import { type PatientListQuery, type PatientPage, patientListDepth } from './schemas.ts';

export interface PatientListRequest extends PatientListQuery {
  /** The search text (name words, MRN, date of birth); never logged, never in a URL. */
  q?: string | undefined;
}

/**
 * The patient list and search: the patients the caller may list, filtered in SQL by the policy's scope (never
 * fetched and then dropped), their caseload first. With name words, exact word beginnings come first and
 * typo-tolerant matches after them, best first. Counting stops at the list depth: a common name whose exact
 * matches reach it never pays for the typo search.
 */
export async function listPatients(
  db: Kysely<DB>,
  caller: { organizationId: string; userId: string; scope: PatientListScope },
  request: PatientListRequest,
): Promise<PatientPage> {
  const { q, limit, offset, ...filters } = request;
  const terms = parsePatientSearch(q ?? '');
  const query: PatientMatchQuery = { ...caller, terms, filters };
  const tiers: MatchTier[] =
    terms.nameWords.length === 0
      ? ['all']
      : terms.nameWords.some((word) => word.length >= typoMinimumLength)
        ? ['exact', 'typo']
        : ['exact'];
  const repository = patientSearchRepository(db);

  // One row more than the page, to know whether another page follows.
  let wanted = limit + 1;
  let skip = offset;
  let total = 0;
  let totalIsExact = true;
  const items: PatientPage['items'] = [];
  for (const tier of tiers) {
    if (wanted === 0) {
      // The page is full before this tier: it is only counted while the total is still short of the depth.
      if (!totalIsExact) break;
      const inTier = await repository.count(query, tier, patientListDepth - total);
      total += inTier;
      if (total >= patientListDepth) totalIsExact = false;
      continue;
    }
    const rows = await repository.page(query, tier, skip, wanted);
    let inTier: number;
    if (rows.length < wanted && (rows.length > 0 || skip === 0)) {
      inTier = skip + rows.length;
    } else {
      // Either the tier goes on past this page, or the offset is past its end: count it.
      inTier = await repository.count(query, tier, patientListDepth);
      if (inTier >= patientListDepth) totalIsExact = false;
    }
    total += inTier;
    skip = Math.max(0, skip - inTier);
    items.push(...rows);
    wanted -= rows.length;
  }
  const hasMore = items.length > limit;
  return {
    items: items.slice(0, limit),
    total: Math.max(total, offset + Math.min(items.length, limit)),
    totalIsExact,
    nextOffset: hasMore && offset + limit < patientListDepth ? offset + limit : null,
  };
}
