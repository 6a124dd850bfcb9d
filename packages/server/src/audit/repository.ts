import {
  type AuditEvent,
  type AuditOutcome,
  type ChainedAuditEvent,
  canonicalTimestamp,
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

/**
 * Appends events hashed here (core chainEvents) after a chain head the caller believes current, in one
 * statement: the head moves only if it is still where the caller saw it (its row lock orders concurrent
 * appenders), and the events are inserted only if it moved. Returns the chained events, or undefined when
 * another appender moved the head first (read it again and retry). The batching audit writer's path: no
 * transaction, no per-row work in the database beyond the insert.
 */
export async function appendAfterHead(
  db: Kysely<DB>,
  organizationId: string,
  head: ChainHead & { lastOccurredAt: number },
  events: readonly NewAuditEvent[],
  options: { waitForFlush: boolean },
): Promise<ChainedAuditEvent[] | undefined> {
  // Never earlier than the chain's last event written by this process.
  const occurredAt = canonicalTimestamp(new Date(Math.max(Date.now(), head.lastOccurredAt)));
  const chained = chainEvents(
    head,
    events.map((event) => ({ ...event, id: event.id ?? uuidv7(), organizationId, occurredAt })),
  );
  const last = chained[chained.length - 1];
  if (last === undefined) return [];
  const write = sql<{ sequence: string }>`
    WITH moved AS (
      UPDATE audit_chain_heads SET last_sequence = ${last.sequence}, last_hash = ${last.hash}, updated_at = now()
      WHERE organization_id = ${organizationId}::uuid AND last_sequence = ${head.lastSequence}
        AND last_hash = ${head.lastHash}
      RETURNING 1
    )
    INSERT INTO audit_events (organization_id, sequence, id, occurred_at, actor_user_id, actor_role, patient_id,
      action, resource_type, resource_id, fields_changed, ip_address, user_agent, outcome, reason, previous_hash,
      hash)
    SELECT x."organizationId", x.sequence, x.id, x."occurredAt", x."actorUserId", x."actorRole", x."patientId",
      x.action, x."resourceType", x."resourceId",
      CASE WHEN json_typeof(x."fieldsChanged") = 'array' THEN ARRAY(
        SELECT v FROM json_array_elements_text(x."fieldsChanged") WITH ORDINALITY AS f (v, n) ORDER BY n) END,
      x."ipAddress", x."userAgent", x.outcome, x.reason, x."previousHash", x.hash
    FROM json_to_recordset(${JSON.stringify(chained)}::json) AS x ("organizationId" uuid, sequence bigint, id uuid,
      "occurredAt" timestamptz, "actorUserId" uuid, "actorRole" text, "patientId" uuid, action text,
      "resourceType" text, "resourceId" text, "fieldsChanged" json, "ipAddress" text, "userAgent" text,
      outcome text, reason text, "previousHash" text, hash text)
    WHERE EXISTS (SELECT FROM moved)
    RETURNING sequence`;
  const { rows } = options.waitForFlush
    ? await write.execute(db)
    : await db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('synchronous_commit', 'off', true)`.execute(trx);
        return write.execute(trx);
      });
  return rows.length === chained.length ? chained : undefined;
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
