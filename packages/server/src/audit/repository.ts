import type { AuditEvent, AuditOutcome, ChainedAuditEvent } from '@tandem/core/audit/audit-chain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/schema.generated.ts';

/** What a caller records; the repository adds the organization, sequence, time and hashes. */
export type NewAuditEvent = Omit<AuditEvent, 'organizationId' | 'sequence' | 'occurredAt' | 'id'> & {
  id?: string;
};

export interface ChainHead {
  lastSequence: number;
  lastHash: string;
}

// Timestamps leave the database in the canonical form the hash covers: UTC, always six fractional digits.
const canonicalTime = (timestamp: RawBuilder<unknown>) =>
  sql<string>`to_char(${timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Appends events to the organization's chain in one statement (the SQL function append_audit_events of
 * migration 0003, which hashes exactly as packages/core/src/audit/audit-chain.ts does). Inside the caller's
 * transaction an audited write and its audit event commit or roll back together (a rolled-back append leaves
 * neither an event nor a gap); the chain head's row lock, held until the transaction ends, queues concurrent
 * appends of one organization. In a REPEATABLE READ or SERIALIZABLE transaction a concurrent append makes this
 * fail with a serialization error: retry the transaction.
 */
export async function appendAuditEvents(
  db: Kysely<DB> | Transaction<DB>,
  organizationId: string,
  events: readonly NewAuditEvent[],
  options: { waitForFlush?: boolean } = {},
): Promise<ChainedAuditEvent[]> {
  if (events.length === 0) return [];
  const withIds = events.map((event) => ({ ...event, id: event.id ?? uuidv7() }));
  const { rows } = await sql<{
    eventSequence: string | number;
    eventPreviousHash: string;
    eventHash: string;
    eventOccurredAt: string;
  }>`SELECT event_sequence, event_previous_hash, event_hash, event_occurred_at
    FROM append_audit_events(
      ${organizationId}::uuid,
      ${JSON.stringify(withIds)}::json,
      ${options.waitForFlush ?? true}::boolean
    )`.execute(db);
  return withIds.map((event, index) => {
    const row = rows[index];
    if (row === undefined) throw new Error('append_audit_events returned fewer events than it was given');
    return {
      ...event,
      organizationId,
      sequence: Number(row.eventSequence),
      occurredAt: row.eventOccurredAt,
      previousHash: row.eventPreviousHash,
      hash: row.eventHash,
    };
  });
}

/** Reads for verification: stored events exactly as the hash saw them, in sequence order. */
export function auditRepository(db: Kysely<DB> | Transaction<DB>) {
  return {
    async organizations(slug?: string): Promise<{ id: string; slug: string }[]> {
      let query = db.selectFrom('organizations').select(['id', 'slug']).orderBy('slug');
      if (slug !== undefined) query = query.where('slug', '=', slug);
      return query.execute();
    },

    async chainHead(organizationId: string): Promise<ChainHead | undefined> {
      return db
        .selectFrom('auditChainHeads')
        .select(['lastSequence', 'lastHash'])
        .where('organizationId', '=', organizationId)
        .executeTakeFirst();
    },

    /** The next `limit` events after `afterSequence`, by stored sequence. */
    async eventsAfter(
      organizationId: string,
      afterSequence: number,
      limit: number,
    ): Promise<ChainedAuditEvent[]> {
      const rows = await db
        .selectFrom('auditEvents')
        .select([
          'organizationId',
          'sequence',
          'id',
          'actorUserId',
          'actorRole',
          'patientId',
          'action',
          'resourceType',
          'resourceId',
          'fieldsChanged',
          'ipAddress',
          'userAgent',
          'outcome',
          'reason',
          'previousHash',
          'hash',
        ])
        .select(canonicalTime(sql.ref('occurredAt')).as('occurredAt'))
        .where('organizationId', '=', organizationId)
        .where('sequence', '>', afterSequence)
        .orderBy('sequence')
        .limit(limit)
        .execute();
      return rows.map((row) => ({ ...row, outcome: row.outcome as AuditOutcome }));
    },
  };
}
