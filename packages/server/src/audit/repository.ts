import {
  type AuditEvent,
  type AuditOutcome,
  type ChainedAuditEvent,
  chainEvents,
  genesisHash,
} from '@tandem/core/audit/audit-chain';
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
 * Appends events to the organization's chain inside the caller's transaction, so that an audited write and its
 * audit event commit or roll back together (a rolled-back append leaves neither an event nor a gap). The chain
 * head's row lock, held until the transaction ends, queues concurrent appends of one organization. In a
 * REPEATABLE READ or SERIALIZABLE transaction a concurrent append makes this fail with a serialization error:
 * retry the transaction.
 */
export async function appendAuditEvents(
  trx: Transaction<DB>,
  organizationId: string,
  events: readonly NewAuditEvent[],
): Promise<ChainedAuditEvent[]> {
  if (events.length === 0) return [];
  await trx
    .insertInto('auditChainHeads')
    .values({ organizationId, lastSequence: 0, lastHash: genesisHash })
    .onConflict((conflict) => conflict.column('organizationId').doNothing())
    .execute();
  const head = await trx
    .selectFrom('auditChainHeads')
    .select(['lastSequence', 'lastHash'])
    .where('organizationId', '=', organizationId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Read after the lock is held, so that occurred_at never goes backwards along the chain.
  const { rows } = await sql<{ now: string }>`SELECT ${canonicalTime(sql`clock_timestamp()`)} AS now`.execute(
    trx,
  );
  const occurredAt = (rows[0] as { now: string }).now;
  const chained = chainEvents(
    head,
    events.map((event) => ({
      ...event,
      id: event.id ?? uuidv7(),
      organizationId,
      occurredAt,
    })),
  );
  await trx
    .insertInto('auditEvents')
    .values(
      chained.map((event) => ({
        ...event,
        fieldsChanged: event.fieldsChanged === null ? null : [...event.fieldsChanged],
      })),
    )
    .execute();
  const last = chained[chained.length - 1] as ChainedAuditEvent;
  await trx
    .updateTable('auditChainHeads')
    .set({ lastSequence: last.sequence, lastHash: last.hash, updatedAt: sql`now()` })
    .where('organizationId', '=', organizationId)
    .execute();
  return chained;
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
