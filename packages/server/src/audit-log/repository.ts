import type { AuditOutcome } from '@tandem/core/audit/audit-chain';
import { type ExpressionBuilder, type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type {
  AccessLogEntry,
  AuditEventFilter,
  AuditLogEntry,
  BreakGlassGrantEntry,
  OrganizationMember,
} from './schemas.ts';

/**
 * Reading the audit trail for people: the audit view, the CSV export, a patient's access log and the
 * break-the-glass review queue. Every filter is a WHERE clause (indexes in migration 0007); nothing is fetched to
 * be dropped. Appending stays in audit/repository.ts.
 */
export interface AuditEventPage<T> {
  items: T[];
  nextCursor: string | null;
}

type Database = Kysely<DB> | Transaction<DB>;

/** The break-the-glass grant a break_glass read was made under: its stated reason is the event's reason. */
function grantReason(eb: ExpressionBuilder<DB & { e: DB['auditEvents'] }, 'e'>) {
  return eb
    .selectFrom('breakGlassGrants as g')
    .select('g.reason')
    .whereRef('g.organizationId', '=', 'e.organizationId')
    .whereRef('g.patientId', '=', 'e.patientId')
    .whereRef('g.userId', '=', 'e.actorUserId')
    .whereRef('g.grantedAt', '<=', 'e.occurredAt')
    .whereRef('g.expiresAt', '>', 'e.occurredAt')
    .orderBy('g.grantedAt', 'desc')
    .limit(1);
}

function eventsQuery(db: Database, organizationId: string) {
  return db
    .selectFrom('auditEvents as e')
    .leftJoin('users as u', 'u.id', 'e.actorUserId')
    .leftJoin('patients as p', (join) =>
      join.onRef('p.organizationId', '=', 'e.organizationId').onRef('p.id', '=', 'e.patientId'),
    )
    .select((eb) => [
      'e.id',
      'e.sequence',
      'e.occurredAt',
      'e.actorUserId',
      // The name recorded with the event; the current one only for events written before names were recorded.
      sql<string | null>`coalesce(e.actor_name, u.name)`.as('actorName'),
      'e.actorRole',
      'e.patientId',
      sql<string | null>`p.legal_given_name || ' ' || p.legal_family_name`.as('patientName'),
      'p.mrn as patientMrn',
      'e.action',
      'e.resourceType',
      'e.resourceId',
      'e.fieldsChanged',
      'e.outcome',
      eb
        .case()
        .when(eb.and([eb('e.outcome', '=', 'break_glass'), eb('e.reason', 'is', null)]))
        .then(grantReason(eb))
        .else(eb.ref('e.reason'))
        .end()
        .as('reason'),
      'e.ipAddress',
      'e.userAgent',
    ])
    .where('e.organizationId', '=', organizationId);
}

type EventRow = Awaited<ReturnType<ReturnType<typeof eventsQuery>['execute']>>[number];

function toEntry(row: EventRow): AuditLogEntry {
  return {
    id: row.id,
    sequence: row.sequence,
    occurredAt: row.occurredAt.toISOString(),
    actor: { userId: row.actorUserId, name: row.actorName, role: row.actorRole },
    patient:
      row.patientId === null ? null : { id: row.patientId, name: row.patientName, mrn: row.patientMrn },
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    fieldsChanged: row.fieldsChanged,
    outcome: row.outcome as AuditOutcome,
    reason: row.reason,
    ipAddress: row.ipAddress,
    userAgent: row.userAgent,
  };
}

/** A filter's calendar days as instants: from the start of `from` to the end of `to`, in the organization's zone. */
interface TimeBounds {
  from: Date | null;
  until: Date | null;
}

async function timeBounds(
  db: Database,
  organizationId: string,
  filter: AuditEventFilter,
): Promise<TimeBounds> {
  if (filter.from === undefined && filter.to === undefined) return { from: null, until: null };
  // Resolved first, so that the events query compares occurred_at with constants the planner can estimate.
  const { rows } = await sql<TimeBounds>`
    SELECT ${filter.from ?? null}::date::timestamp AT TIME ZONE o.time_zone AS from,
      (${filter.to ?? null}::date + 1)::timestamp AT TIME ZONE o.time_zone AS until
    FROM organizations o WHERE o.id = ${organizationId}::uuid`.execute(db);
  return rows[0] ?? { from: null, until: null };
}

/** Narrows to the filter. */
function applyFilter(query: ReturnType<typeof eventsQuery>, filter: AuditEventFilter, bounds: TimeBounds) {
  let filtered = query;
  if (filter.userId !== undefined) filtered = filtered.where('e.actorUserId', '=', filter.userId);
  if (filter.patientId !== undefined) filtered = filtered.where('e.patientId', '=', filter.patientId);
  if (filter.action !== undefined) filtered = filtered.where('e.action', '=', filter.action);
  if (filter.outcome !== undefined) filtered = filtered.where('e.outcome', '=', filter.outcome);
  if (filter.resourceType !== undefined)
    filtered = filtered.where('e.resourceType', '=', filter.resourceType);
  if (bounds.from !== null) filtered = filtered.where('e.occurredAt', '>=', bounds.from);
  if (bounds.until !== null) filtered = filtered.where('e.occurredAt', '<', bounds.until);
  return filtered;
}

function page<T extends { sequence: number }>(rows: T[], limit: number): AuditEventPage<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? String(last.sequence) : null };
}

export function auditLogRepository(db: Kysely<DB>) {
  return {
    /** One page of the organization's events, newest first, below `cursor` (a sequence). */
    async listEvents(
      organizationId: string,
      filter: AuditEventFilter,
      paging: { cursor?: number; limit: number },
    ): Promise<AuditEventPage<AuditLogEntry>> {
      const bounds = await timeBounds(db, organizationId, filter);
      let query = applyFilter(eventsQuery(db, organizationId), filter, bounds);
      if (paging.cursor !== undefined) query = query.where('e.sequence', '<', paging.cursor);
      const rows = await query
        .orderBy('e.sequence', 'desc')
        .limit(paging.limit + 1)
        .execute();
      return page(rows.map(toEntry), paging.limit);
    },

    /** Every matching event, newest first, read a page at a time (the CSV export streams from this). */
    async *eachEvent(
      organizationId: string,
      filter: AuditEventFilter,
      pageSize = 500,
    ): AsyncGenerator<AuditLogEntry> {
      let cursor: number | undefined;
      do {
        const { items, nextCursor } = await this.listEvents(organizationId, filter, {
          limit: pageSize,
          ...(cursor === undefined ? {} : { cursor }),
        });
        yield* items;
        cursor = nextCursor === null ? undefined : Number(nextCursor);
      } while (cursor !== undefined);
    },

    /** Who opened or changed one patient's record, newest first. */
    async accessLog(
      organizationId: string,
      patientId: string,
      paging: { cursor?: number; limit: number },
    ): Promise<AuditEventPage<AccessLogEntry>> {
      let query = eventsQuery(db, organizationId).where('e.patientId', '=', patientId);
      if (paging.cursor !== undefined) query = query.where('e.sequence', '<', paging.cursor);
      const rows = await query
        .orderBy('e.sequence', 'desc')
        .limit(paging.limit + 1)
        .execute();
      return page(
        rows.map((row) => {
          const { id, sequence, occurredAt, actor, action, resourceType, outcome, reason } = toEntry(row);
          return { id, sequence, occurredAt, actor, action, resourceType, outcome, reason };
        }),
        paging.limit,
      );
    },

    /** The organization's people, for the audit view's "who" filter. */
    async members(organizationId: string): Promise<OrganizationMember[]> {
      return db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .select(['u.id as userId', 'u.name', 'm.role'])
        .where('m.organizationId', '=', organizationId)
        .orderBy('u.name')
        .orderBy('u.id')
        .execute();
    },
  };
}

export type AuditLogRepository = ReturnType<typeof auditLogRepository>;

function grantsQuery(db: Database, organizationId: string) {
  return db
    .selectFrom('breakGlassGrants as g')
    .innerJoin('patients as p', (join) =>
      join.onRef('p.organizationId', '=', 'g.organizationId').onRef('p.id', '=', 'g.patientId'),
    )
    .innerJoin('users as grantee', 'grantee.id', 'g.userId')
    .leftJoin('users as reviewer', 'reviewer.id', 'g.reviewedByUserId')
    .select((eb) => [
      'g.id',
      'g.patientId',
      sql<string>`p.legal_given_name || ' ' || p.legal_family_name`.as('patientName'),
      'p.mrn as patientMrn',
      'g.userId',
      'grantee.name as userName',
      'g.reason',
      'g.grantedAt',
      'g.expiresAt',
      'g.reviewedByUserId',
      'reviewer.name as reviewerName',
      'g.reviewedAt',
      'g.reviewNote',
      'g.version',
      // Reads made under the grant: the grantee's break_glass events on this record within its window, less
      // the event of breaking the glass itself.
      eb
        .selectFrom('auditEvents as e')
        .select((count) => count.fn.countAll<number>().as('count'))
        .whereRef('e.organizationId', '=', 'g.organizationId')
        .whereRef('e.patientId', '=', 'g.patientId')
        .whereRef('e.actorUserId', '=', 'g.userId')
        .where('e.outcome', '=', 'break_glass')
        .where('e.action', '<>', 'break_glass')
        .whereRef('e.occurredAt', '>=', 'g.grantedAt')
        .whereRef('e.occurredAt', '<', 'g.expiresAt')
        .as('accessCount'),
    ])
    .where('g.organizationId', '=', organizationId);
}

type GrantRow = Awaited<ReturnType<ReturnType<typeof grantsQuery>['execute']>>[number];

function toGrantEntry(row: GrantRow): BreakGlassGrantEntry {
  return {
    id: row.id,
    patient: { id: row.patientId, name: row.patientName, mrn: row.patientMrn },
    user: { userId: row.userId, name: row.userName },
    reason: row.reason,
    grantedAt: row.grantedAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    accessCount: Number(row.accessCount ?? 0),
    review:
      row.reviewedAt === null || row.reviewedByUserId === null
        ? null
        : {
            reviewedBy: { userId: row.reviewedByUserId, name: row.reviewerName ?? '' },
            reviewedAt: row.reviewedAt.toISOString(),
            note: row.reviewNote ?? '',
          },
    version: row.version,
  };
}

export interface GrantForReview {
  id: string;
  patientId: string;
  userId: string;
  reviewedAt: Date | null;
  version: number;
}

export function breakGlassGrantRepository(db: Database) {
  return {
    /** Grants newest first (ids are UUIDv7, so id order is grant order), below `cursor` (an id). */
    async list(
      organizationId: string,
      options: { reviewed?: boolean; cursor?: string; limit: number },
    ): Promise<AuditEventPage<BreakGlassGrantEntry>> {
      let query = grantsQuery(db, organizationId);
      if (options.reviewed === true) query = query.where('g.reviewedAt', 'is not', null);
      if (options.reviewed === false) query = query.where('g.reviewedAt', 'is', null);
      if (options.cursor !== undefined) query = query.where('g.id', '<', options.cursor);
      const rows = await query
        .orderBy('g.id', 'desc')
        .limit(options.limit + 1)
        .execute();
      const items = rows.slice(0, options.limit).map(toGrantEntry);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > options.limit && last !== undefined ? last.id : null };
    },

    async find(organizationId: string, grantId: string): Promise<BreakGlassGrantEntry | undefined> {
      const row = await grantsQuery(db, organizationId).where('g.id', '=', grantId).executeTakeFirst();
      return row === undefined ? undefined : toGrantEntry(row);
    },

    /** The facts a review decides on, row-locked until the transaction ends when asked to. */
    async findForReview(
      organizationId: string,
      grantId: string,
      options: { lock?: boolean } = {},
    ): Promise<GrantForReview | undefined> {
      let query = db
        .selectFrom('breakGlassGrants')
        .select(['id', 'patientId', 'userId', 'reviewedAt', 'version'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', grantId);
      if (options.lock === true) query = query.forUpdate();
      return query.executeTakeFirst();
    },

    async recordReview(
      organizationId: string,
      grantId: string,
      review: { reviewerUserId: string; note: string; version: number },
    ): Promise<boolean> {
      const result = await db
        .updateTable('breakGlassGrants')
        .set((eb) => ({
          reviewedByUserId: review.reviewerUserId,
          reviewedAt: sql`now()`,
          reviewNote: review.note,
          version: eb('version', '+', 1),
          updatedAt: sql`now()`,
        }))
        .where('organizationId', '=', organizationId)
        .where('id', '=', grantId)
        .where('version', '=', review.version)
        .where('reviewedAt', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}
