import { createHash } from 'node:crypto';
import { type ChainedAuditEvent, chainEvents } from '@tandem/core/audit/audit-chain';
import { appendAuditEvents, auditRepository } from '../audit/repository.ts';
import type { TandemDatabase } from '../db/database.ts';
import { readEvent } from './audit-events.ts';

/** An organization with audit events appended by one transaction per batch (default: 10 events in 3). */
export async function auditedOrganization(
  database: TandemDatabase,
  slug: string,
  batches: number[][] = [
    [1, 2, 3],
    [4, 5, 6, 7],
    [8, 9, 10],
  ],
): Promise<ChainedAuditEvent[]> {
  const { id } = await database.db
    .insertInto('organizations')
    .values({ name: slug, slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  const events: ChainedAuditEvent[] = [];
  for (const indexes of batches) events.push(...(await appendEvents(database, id, indexes)));
  return events;
}

export function appendEvents(database: TandemDatabase, organizationId: string, indexes: number[]) {
  return database.db.transaction().execute((trx) =>
    appendAuditEvents(
      trx,
      organizationId,
      indexes.map((index) => readEvent(index)),
    ),
  );
}

/**
 * Runs SQL past the append-only triggers, as the table owner (or a superuser) can: what an attacker with the
 * owner's rights does.
 */
export async function tamper(database: TandemDatabase, statements: string[]): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    await client.query('ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_append_only');
    for (const statement of statements) await client.query(statement);
    await client.query('ALTER TABLE audit_checkpoints ENABLE TRIGGER audit_checkpoints_append_only');
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

export function where(events: ChainedAuditEvent[], sequence: number): string {
  return `organization_id = '${events[0]?.organizationId}' AND sequence = ${sequence}`;
}

const literal = (value: string | null) => (value === null ? 'NULL' : `'${value.replaceAll("'", "''")}'`);

/**
 * The reviewer's attack: edits one event's actor role, then recomputes every hash from there to the head with the
 * chain's own hash function (core chainEvents) and moves the head's hash along, past the triggers. The rewritten
 * chain is intact on its own; `additionally` runs in the same transaction (e.g. deleting the checkpoints).
 */
export async function rewriteChain(
  database: TandemDatabase,
  organizationId: string,
  editedSequence: number,
  actorRole: string,
  additionally: string[] = [],
): Promise<void> {
  const stored = await auditRepository(database.db).eventsAfter(organizationId, 0, 100_000);
  const before = stored[editedSequence - 2];
  const recomputed = chainEvents(
    { lastSequence: editedSequence - 1, lastHash: before?.hash ?? '0'.repeat(64) },
    stored
      .slice(editedSequence - 1)
      .map(({ sequence: _sequence, previousHash: _previous, hash: _hash, ...event }) =>
        event.id === stored[editedSequence - 1]?.id ? { ...event, actorRole } : event,
      ),
    (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  );
  const head = recomputed.at(-1);
  await tamper(database, [
    ...recomputed.map(
      (event) =>
        `UPDATE audit_events SET actor_role = ${literal(event.actorRole)}, previous_hash = '${event.previousHash}',
           hash = '${event.hash}' WHERE organization_id = '${organizationId}' AND sequence = ${event.sequence}`,
    ),
    `UPDATE audit_chain_heads SET last_hash = '${head?.hash}' WHERE organization_id = '${organizationId}'`,
    ...additionally,
  ]);
}
