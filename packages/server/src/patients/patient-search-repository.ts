import type { PatientListScope, PatientSearchTerms } from '@tandem/core';
import { type RawBuilder, sql, type Transaction } from 'kysely';
import {
  consentInEffectNaming,
  type PatientAccessFacts,
  type PatientAccessFactsRow,
  patientAccessFactsColumns,
  relatedToPatient,
  toPatientAccessFacts,
} from '../access/patient-relationship.ts';
import type { DB } from '../db/schema.generated.ts';
import { formatMrn } from './mrn.ts';
import type { PatientSummary } from './schemas.ts';

/** Who is asking and what they ask for: every query below is filtered in SQL by the policy's list scope. */
export interface PatientMatchQuery {
  organizationId: string;
  userId: string;
  scope: PatientListScope;
  /**
   * Only the patients the caller relates to (care team, supervision, emergency grant, self, consent): a filter on
   * a part of the record that only such a relationship opens to the caller looks nowhere else.
   */
  relatedOnly: boolean;
  terms: PatientSearchTerms;
  filters: {
    status?: string | undefined;
    setting?: string | undefined;
    asamEdition?: string | undefined;
    asamLevel?: string | undefined;
    therapistStaffMemberId?: string | undefined;
    careTeam?: 'mine' | undefined;
  };
}

/**
 * Name matches come in two tiers, listed one after the other: `exact`, where every word begins a name word
 * ("mar" finds María), then `typo`, where some word only resembles one (pg_trgm word similarity of at least
 * 0.6: "nguen" finds Nguyễn) ranked by that similarity. Searches without name words have the one tier `all`.
 */
export type MatchTier = 'all' | 'exact' | 'typo';

/** Word similarity is computed only for words this long: shorter ones have too few trigrams to resemble. */
export const typoMinimumLength = 3;
/** How alike a word must be to a name word to count as a typo of it (pg_trgm word similarity). */
const typoThreshold = 0.5;

type Fragment = RawBuilder<unknown>;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** The word, lower-case and without accents as patients.search_name holds names. */
function plain(word: string): Fragment {
  return sql`immutable_unaccent(${word}::text)`;
}

/** The word begins one of the patient's name words. */
function beginsNameWord(word: string): Fragment {
  const pattern = escapeLike(word);
  if (word.length >= typoMinimumLength) {
    // The substring LIKE is what the trigram index answers; strpos then keeps word beginnings only.
    return sql`(p.search_name LIKE '%' || ${plain(pattern)} || '%' ESCAPE '\\'
      AND strpos(' ' || p.search_name, ' ' || ${plain(word)}) > 0)`;
  }
  // Too short for a trigram inside a word, but a word start pads to one ('  j', ' jo').
  return sql`(p.search_name LIKE ${plain(pattern)} || '%' ESCAPE '\\'
    OR p.search_name LIKE '% ' || ${plain(pattern)} || '%' ESCAPE '\\')`;
}

function resemblesNameWord(word: string): Fragment {
  return sql`${plain(word)} <% p.search_name`;
}

function all(conditions: Fragment[]): Fragment {
  return conditions.length === 0 ? sql`true` : sql`(${sql.join(conditions, sql` AND `)})`;
}

/** The WHERE clause of a tier: organization, list scope, filters, record number, birth date and names. */
function whereClause(query: PatientMatchQuery, tier: MatchTier): Fragment {
  const { organizationId, userId, scope, terms, filters } = query;
  const conditions: Fragment[] = [sql`p.organization_id = ${organizationId}::uuid`];
  if (scope === 'self') conditions.push(sql`p.user_id = ${userId}::uuid`);
  if (scope === 'consenting') conditions.push(consentInEffectNaming(userId));
  if (query.relatedOnly) conditions.push(relatedToPatient(organizationId, userId));
  if (filters.status !== undefined) conditions.push(sql`p.status = ${filters.status}`);
  if (filters.setting !== undefined || filters.asamLevel !== undefined) {
    const episode: Fragment[] = [];
    if (filters.setting !== undefined) episode.push(sql`e.setting = ${filters.setting}`);
    if (filters.asamLevel !== undefined) {
      episode.push(
        sql`e.asam_edition = ${filters.asamEdition ?? null} AND e.asam_level = ${filters.asamLevel}`,
      );
    }
    conditions.push(sql`EXISTS (
      SELECT FROM episodes_of_care e
      WHERE e.organization_id = p.organization_id AND e.patient_id = p.id AND e.status = 'active'
        AND ${all(episode)})`);
  }
  if (filters.therapistStaffMemberId !== undefined) {
    conditions.push(sql`EXISTS (
      SELECT FROM care_team_members t
      WHERE t.organization_id = p.organization_id AND t.patient_id = p.id AND t.role = 'primary_therapist'
        AND t.ended_at IS NULL AND t.staff_member_id = ${filters.therapistStaffMemberId}::uuid)`);
  }
  if (filters.careTeam === 'mine') {
    conditions.push(sql`EXISTS (
      SELECT FROM care_team_members ctm
      JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
      WHERE ctm.organization_id = p.organization_id AND ctm.patient_id = p.id AND ctm.ended_at IS NULL
        AND sm.user_id = ${userId}::uuid)`);
  }
  for (const date of terms.datesOfBirth) conditions.push(sql`p.date_of_birth = ${date}::date`);
  for (const prefix of terms.mrnPrefixes) {
    const byPrefix = sql`p.mrn LIKE ${`${escapeLike(prefix)}%`} ESCAPE '\\'`;
    // "1234" is how staff read out MRN 0001234.
    const number = /^\d{1,7}$/.test(prefix) ? Number(prefix) : 0;
    conditions.push(number >= 1 ? sql`(${byPrefix} OR p.mrn = ${formatMrn(number)})` : byPrefix);
  }
  const words = terms.nameWords;
  if (words.length > 0 && tier !== 'all') {
    const exact = all(words.map(beginsNameWord));
    if (tier === 'exact') {
      conditions.push(exact);
    } else {
      conditions.push(
        all(
          words.map((word) =>
            word.length >= typoMinimumLength
              ? sql`(${beginsNameWord(word)} OR ${resemblesNameWord(word)})`
              : beginsNameWord(word),
          ),
        ),
        sql`NOT ${exact}`,
      );
    }
  }
  return all(conditions);
}

/** How well a typo-tier patient matches: per word 1 for a word beginning, else its word similarity. */
function similarity(words: string[]): Fragment {
  return sql.join(
    words.map((word) =>
      word.length >= typoMinimumLength
        ? sql`CASE WHEN ${beginsNameWord(word)} THEN 1 ELSE word_similarity(${plain(word)}, p.search_name) END`
        : sql`1`,
    ),
    sql` + `,
  );
}

interface PageRow extends PatientAccessFactsRow {
  id: string;
  mrn: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  dateOfBirth: string;
  status: NonNullable<PatientSummary['status']>;
  onMyCareTeam: boolean;
  admittedOn: string | null;
  setting: string | null;
  asamEdition: string | null;
  asamLevel: string | null;
  therapistStaffMemberId: string | null;
  therapistDisplayName: string | null;
}

/**
 * The list's SQL: one page of a tier, and how many patients a tier holds. The only SQL of patient search. It runs
 * in the record kernel's read (records.read), whose transaction the typo tier's setting is scoped to.
 */
export function patientSearchRepository(trx: Transaction<DB>) {
  /**
   * Runs a tier's statement. The typo tier lowers pg_trgm's word similarity threshold from its 0.6 default to
   * 0.5 for the rest of the read's transaction (the tiers run exact first, and only the typo tier uses it): a
   * dropped letter in a short name ("nguen" for nguyen) scores 0.5.
   */
  const inTier = async <T>(tier: MatchTier, run: (executor: Transaction<DB>) => Promise<T>): Promise<T> => {
    if (tier === 'typo') {
      await sql`SET LOCAL pg_trgm.word_similarity_threshold = ${sql.lit(typoThreshold)}`.execute(trx);
    }
    return run(trx);
  };
  return {
    /**
     * One page of a tier, the caller's caseload first. Each half (caseload, everyone else) is its own ordered,
     * limited branch, so that the list without a search reads one page off the sort_name index instead of
     * sorting every patient of the program.
     */
    async page(
      query: PatientMatchQuery,
      tier: MatchTier,
      offset: number,
      limit: number,
    ): Promise<ListedPatientRow[]> {
      const where = whereClause(query, tier);
      const score = tier === 'typo' ? similarity(query.terms.nameWords) : sql`0`;
      const order = tier === 'typo' ? sql`score DESC, p.sort_name, p.id` : sql`p.sort_name, p.id`;
      const branchLimit = offset + limit;
      const { rows } = await inTier(tier, (executor) =>
        sql<PageRow>`
        WITH mine AS (
          SELECT ctm.patient_id FROM care_team_members ctm
          JOIN staff_members sm ON sm.organization_id = ctm.organization_id AND sm.id = ctm.staff_member_id
          WHERE ctm.organization_id = ${query.organizationId}::uuid AND ctm.ended_at IS NULL
            AND sm.user_id = ${query.userId}::uuid
        )
        SELECT p.id, p.mrn, p.legal_given_name, p.legal_family_name, p.preferred_name,
          to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, p.status, page.on_my_care_team,
          to_char(e.admitted_on, 'YYYY-MM-DD') AS admitted_on, e.setting, e.asam_edition, e.asam_level,
          t.staff_member_id AS therapist_staff_member_id, s.display_name AS therapist_display_name,
          ${patientAccessFactsColumns(query.userId)}
        FROM (
          (SELECT p.id, true AS on_my_care_team, ${score} AS score, p.sort_name FROM patients p
            WHERE ${where} AND p.id IN (SELECT patient_id FROM mine)
            ORDER BY ${order} LIMIT ${branchLimit})
          UNION ALL
          (SELECT p.id, false AS on_my_care_team, ${score} AS score, p.sort_name FROM patients p
            WHERE ${where} AND p.id NOT IN (SELECT patient_id FROM mine)
            ORDER BY ${order} LIMIT ${branchLimit})
        ) page
        JOIN patients p ON p.organization_id = ${query.organizationId}::uuid AND p.id = page.id
        LEFT JOIN episodes_of_care e
          ON e.organization_id = p.organization_id AND e.patient_id = p.id AND e.status = 'active'
        LEFT JOIN care_team_members t
          ON t.organization_id = p.organization_id AND t.patient_id = p.id AND t.role = 'primary_therapist'
          AND t.ended_at IS NULL
        LEFT JOIN staff_members s ON s.organization_id = t.organization_id AND s.id = t.staff_member_id
        ORDER BY page.on_my_care_team DESC, page.score DESC, page.sort_name, page.id
        OFFSET ${offset} LIMIT ${limit}
      `.execute(executor),
      );
      return rows.map((row) => ({ summary: toSummary(row), facts: toPatientAccessFacts(row) }));
    },

    /** How many patients a tier holds, counting no further than `cap`. */
    async count(query: PatientMatchQuery, tier: MatchTier, cap: number): Promise<number> {
      const { rows } = await inTier(tier, (executor) =>
        sql<{ count: number }>`
          SELECT count(*)::int AS count
          FROM (SELECT FROM patients p WHERE ${whereClause(query, tier)} LIMIT ${cap}) matched
        `.execute(executor),
      );
      return rows[0]?.count ?? 0;
    },
  };
}

export type PatientSearchRepository = ReturnType<typeof patientSearchRepository>;

/**
 * A listed patient with everything a row could show, and the caller's relationship to them: the policy decides
 * per row which parts leave (patient-list-rows.ts).
 */
export interface ListedPatientRow {
  summary: Required<PatientSummary>;
  facts: PatientAccessFacts;
}

function toSummary(row: PageRow): Required<PatientSummary> {
  return {
    id: row.id,
    name: row.preferredName ?? row.legalGivenName,
    mrn: row.mrn,
    legalGivenName: row.legalGivenName,
    legalFamilyName: row.legalFamilyName,
    preferredName: row.preferredName,
    dateOfBirth: row.dateOfBirth,
    status: row.status,
    onMyCareTeam: row.onMyCareTeam,
    currentEpisode:
      row.setting === null || row.admittedOn === null
        ? null
        : {
            admittedOn: row.admittedOn,
            setting: row.setting as NonNullable<PatientSummary['currentEpisode']>['setting'],
            asamEdition: row.asamEdition as '3' | '4' | null,
            asamLevel: row.asamLevel,
          },
    primaryTherapist:
      row.therapistStaffMemberId === null
        ? null
        : { staffMemberId: row.therapistStaffMemberId, displayName: row.therapistDisplayName ?? '' },
  };
}
