import { createHash } from 'node:crypto';
import {
  type AuditEvent,
  type AuditOutcome,
  type ChainedAuditEvent,
  canonicalTimestamp,
  chainEvents,
  genesisHash,
  type Sha256Hex,
} from '@tandem/core/audit/audit-chain';
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/schema.generated.ts';

/** What a caller records; the repository adds the organization, sequence, time and hashes. */
export type NewAuditEvent = Omit<AuditEvent, 'organizationId' | 'sequence' | 'occurredAt' | 'id'> & {
  id?: string;
};

/** What runs the writer's statement: the database's pg.Pool. */
export type Queryable = Pick<pg.Pool, 'query'>;

export interface ChainHead {
  lastSequence: number;
  lastHash: string;
}

// Timestamps leave the database in the canonical form the hash covers: UTC, always six fractional digits.
export const canonicalTime = (timestamp: RawBuilder<unknown>) =>
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
    eventActorName: string | null;
  }>`SELECT event_sequence, event_previous_hash, event_hash, event_occurred_at, event_actor_name
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
      // As recorded: the caller's, or the actor's name that the database found when writing.
      actorName: row.eventActorName,
      organizationId,
      sequence: Number(row.eventSequence),
      occurredAt: row.eventOccurredAt,
      previousHash: row.eventPreviousHash,
      hash: row.eventHash,
    };
  });
}

const nodeSha256Hex: Sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// The columns a batch carries: each event travels as one JSON object with these keys (json_to_recordset makes
// them rows), in the order of the INSERT.
const batchColumns = [
  ['sequence', 'int8'],
  ['id', 'uuid'],
  ['actor_user_id', 'uuid'],
  ['actor_role', 'text'],
  ['actor_name', 'text'],
  ['patient_id', 'uuid'],
  ['action', 'text'],
  ['resource_type', 'text'],
  ['resource_id', 'text'],
  ['fields_changed', 'json'],
  ['ip_address', 'text'],
  ['user_agent', 'text'],
  ['outcome', 'text'],
  ['reason', 'text'],
  ['previous_hash', 'text'],
  ['hash', 'text'],
] as const;

/**
 * One prepared statement (the same text for any batch size, so each connection plans it once): $7 turns the
 * synchronous commit of this statement's own transaction off when the batch need not wait for the WAL flush; the
 * head moves from ($2, $3) to ($5, $6) only if it is still at ($2, $3), and the events ($8, a JSON array) are
 * inserted only if it moved. One JSON parameter costs both sides less than one array per column.
 */
const insertAfterHeadStatement = {
  name: 'tandem_audit_insert_after_head',
  text: `
    WITH durability AS MATERIALIZED (
      SELECT CASE WHEN $7::boolean THEN true
        ELSE set_config('synchronous_commit', 'off', true) IS NOT NULL END AS ready
    ),
    moved AS (
      UPDATE audit_chain_heads SET last_sequence = $5::bigint, last_hash = $6::text, updated_at = now()
      WHERE organization_id = $1::uuid AND last_sequence = $2::bigint AND last_hash = $3::text
        AND (SELECT ready FROM durability)
      RETURNING 1
    )
    INSERT INTO audit_events (organization_id, occurred_at, ${batchColumns.map(([column]) => column).join(', ')})
    SELECT $1::uuid, $4::timestamptz, x.sequence, x.id, x.actor_user_id, x.actor_role, x.actor_name, x.patient_id,
      x.action,
      x.resource_type, x.resource_id,
      CASE WHEN json_typeof(x.fields_changed) = 'array' THEN ARRAY(SELECT v FROM
        json_array_elements_text(x.fields_changed) WITH ORDINALITY AS f (v, n) ORDER BY n) END,
      x.ip_address, x.user_agent, x.outcome, x.reason, x.previous_hash, x.hash
    FROM json_to_recordset($8::json) AS x (${batchColumns.map(([column, type]) => `${column} ${type}`).join(', ')})
    WHERE EXISTS (SELECT FROM moved)
    RETURNING sequence`,
};

/** The head a chain has after a batch: where the next batch chains on. */
export type WriterHead = ChainHead & { lastOccurredAt: number };

/**
 * Hashes events to follow `head` (core chainEvents, with Node's SHA-256), all stamped with one time that is
 * never earlier than the chain's last event written by this process.
 */
export function chainAfterHead(
  organizationId: string,
  head: WriterHead,
  events: readonly NewAuditEvent[],
): { events: ChainedAuditEvent[]; head: WriterHead } {
  const occurredAt = canonicalTimestamp(new Date(Math.max(Date.now(), head.lastOccurredAt)));
  const chained = chainEvents(
    head,
    events.map((event) => ({ ...event, id: event.id ?? uuidv7(), organizationId, occurredAt })),
    nodeSha256Hex,
  );
  const last = chained.at(-1);
  return {
    events: chained,
    head:
      last === undefined
        ? head
        : { lastSequence: last.sequence, lastHash: last.hash, lastOccurredAt: Date.parse(occurredAt) },
  };
}

/**
 * Inserts events chained after `head` (chainAfterHead) in one statement: the head moves only if it is still
 * where the caller saw it (its row lock orders concurrent appenders; a statement chained after another one still
 * in flight waits for it and then finds the head where it expected), and the events are inserted only if it
 * moved. Returns false when the head was elsewhere (read it again and retry). The batching audit writer's path:
 * no transaction, one round trip, a statement each connection prepares once.
 */
export async function insertAfterHead(
  pool: Queryable,
  organizationId: string,
  head: ChainHead,
  chained: readonly ChainedAuditEvent[],
  options: { waitForFlush: boolean },
): Promise<boolean> {
  const last = chained.at(-1);
  if (last === undefined) return true;
  const rows = chained.map((event) => ({
    sequence: event.sequence,
    id: event.id,
    actor_user_id: event.actorUserId,
    actor_role: event.actorRole,
    actor_name: event.actorName ?? null,
    patient_id: event.patientId,
    action: event.action,
    resource_type: event.resourceType,
    resource_id: event.resourceId,
    fields_changed: event.fieldsChanged,
    ip_address: event.ipAddress,
    user_agent: event.userAgent,
    outcome: event.outcome,
    reason: event.reason,
    previous_hash: event.previousHash,
    hash: event.hash,
  })) satisfies Record<(typeof batchColumns)[number][0], unknown>[];
  const inserted = await pool.query<{ sequence: string }>({
    ...insertAfterHeadStatement,
    values: [
      organizationId,
      head.lastSequence,
      head.lastHash,
      // chainAfterHead stamps a batch with one time.
      last.occurredAt,
      last.sequence,
      last.hash,
      options.waitForFlush,
      JSON.stringify(rows),
    ],
  });
  return inserted.rows.length === chained.length;
}

/** The organization's chain head, created (empty) on first use. */
export async function readChainHead(db: Kysely<DB>, organizationId: string): Promise<ChainHead> {
  await db
    .insertInto('auditChainHeads')
    .values({ organizationId, lastSequence: 0, lastHash: genesisHash })
    .onConflict((conflict) => conflict.column('organizationId').doNothing())
    .execute();
  const head = await db
    .selectFrom('auditChainHeads')
    .select(['lastSequence', 'lastHash'])
    .where('organizationId', '=', organizationId)
    .executeTakeFirstOrThrow();
  return { lastSequence: Number(head.lastSequence), lastHash: head.lastHash };
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
          'actorName',
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
