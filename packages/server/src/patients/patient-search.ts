import { defineMessages } from '@formatjs/intl';
import {
  type AccessPrincipal,
  DomainError,
  type ErrorMessage,
  type PatientListField,
  parsePatientSearch,
  patientListFilterReach,
  patientListScope,
} from '@tandem/core';
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { type PatientListRows, patientListRows } from './patient-list-rows.ts';
import {
  type ListedPatientRow,
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

const filterRefusals = defineMessages({
  identity: {
    id: 'patients.errors.searchNeedsDemographics',
    defaultMessage:
      'Searching by name, record number or birth date, or filtering by status, needs the patients’ demographics, which you may not read.',
  },
  currentEpisode: {
    id: 'patients.errors.filterNeedsEpisodes',
    defaultMessage:
      'Filtering by setting or level of care needs the patients’ episodes of care, which you may not read.',
  },
  primaryTherapist: {
    id: 'patients.errors.filterNeedsCareTeams',
    defaultMessage: 'Filtering by primary therapist needs the patients’ care teams, which you may not read.',
  },
}) satisfies Record<PatientListField, ErrorMessage>;

/**
 * How far the request's search and filters may look: each narrows the list by a part of the record, and may do
 * so only where the caller could read that part (patientListFilterReach); otherwise which patients come back
 * would tell what the rows do not show.
 */
function filterReach(role: AccessPrincipal['role'], request: PatientListRequest): { relatedOnly: boolean } {
  const used: PatientListField[] = [];
  if ((request.q ?? '').trim() !== '' || request.status !== undefined) used.push('identity');
  if (request.setting !== undefined || request.asamEdition !== undefined || request.asamLevel !== undefined)
    used.push('currentEpisode');
  if (request.therapistStaffMemberId !== undefined) used.push('primaryTherapist');
  let relatedOnly = false;
  for (const field of used) {
    const reach = patientListFilterReach(role, field);
    if (reach === 'none') throw new DomainError('forbidden', filterRefusals[field]);
    if (reach === 'related') relatedOnly = true;
  }
  return { relatedOnly };
}

/**
 * The patient list and search: the patients the caller may list, filtered in SQL by the policy's scope (never
 * fetched and then dropped), their caseload first, each row carrying only the parts of the record the policy
 * lets the caller read (patientListRows). With name words, exact word beginnings come first and typo-tolerant
 * matches after them, best first. Counting stops at the list depth: a common name whose exact matches reach it
 * never pays for the typo search. Runs in the record kernel's read (`trx`: records.read).
 */
export async function listPatients(
  trx: Transaction<DB>,
  caller: AccessPrincipal,
  request: PatientListRequest,
  now: Date = new Date(),
): Promise<Omit<PatientListRows, 'items'> & { page: PatientPage }> {
  const { q, limit, offset, ...filters } = request;
  const terms = parsePatientSearch(q ?? '');
  const query: PatientMatchQuery = {
    organizationId: caller.organizationId,
    userId: caller.userId,
    scope: patientListScope(caller.role),
    ...filterReach(caller.role, request),
    terms,
    filters,
  };
  const tiers: MatchTier[] =
    terms.nameWords.length === 0
      ? ['all']
      : terms.nameWords.some((word) => word.length >= typoMinimumLength)
        ? ['exact', 'typo']
        : ['exact'];
  const repository = patientSearchRepository(trx);

  // One row more than the page, to know whether another page follows.
  let wanted = limit + 1;
  let skip = offset;
  let total = 0;
  let totalIsExact = true;
  const items: ListedPatientRow[] = [];
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
  const rows = patientListRows(caller, items.slice(0, limit), now);
  return {
    page: {
      items: rows.items,
      total: Math.max(total, offset + Math.min(items.length, limit)),
      totalIsExact,
      nextOffset: hasMore && offset + limit < patientListDepth ? offset + limit : null,
    },
    reads: rows.reads,
    disclosures: rows.disclosures,
  };
}
