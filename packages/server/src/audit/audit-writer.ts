import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import {
  chainAfterHead,
  insertAfterHead,
  type NewAuditEvent,
  type Queryable,
  readChainHead,
  type WriterHead,
} from './repository.ts';

interface Waiting {
  event: NewAuditEvent;
  resolve(): void;
  reject(error: unknown): void;
}

export interface AuditWriterOptions {
  /**
   * Whether a read's response waits until its audit event is on disk (synchronous commit), or only until it is
   * committed (docs/adr/0003-audit-of-reads.md). Refusals and writes always wait.
   */
  readsWaitForFlush: boolean;
}

/**
 * Records the audit events of reads (and of refusals) before their responses leave, without a transaction per
 * request: events gather while earlier batches are being written, and each batch is one statement per
 * organization, hashed here after the chain head this process last wrote (group commit; the head's row lock
 * orders batches of other processes, and a batch that finds the head moved reads it again and retries). A request's promise settles
 * once its event is committed; if writing fails, every request of that batch fails with it, so no read is ever
 * served unaudited.
 *
 * Writes do not come here: they append their event inside their own transaction (appendAuditEvents).
 */
export function createAuditWriter(
  database: { db: Kysely<DB>; pool: Queryable },
  options: AuditWriterOptions,
) {
  const { db, pool } = database;
  // One batch at a time per process: the next one gathers while this one commits. Several in flight (each
  // chained on the one before) measured slower on PostgreSQL: more, smaller statements (ADR 0003).
  const maxInFlight = 1;
  let waiting = new Map<string, Waiting[]>();
  let scheduled = false;
  let inFlight = 0;
  const settled = new Set<Promise<void>>();

  // Where this process last saw each organization's chain end. Another process (or a write's own
  // transaction) moving it makes the next append miss; the writer then reads the head again and retries.
  const heads = new Map<string, WriterHead>();

  async function append(
    organizationId: string,
    events: NewAuditEvent[],
    waitForFlush: boolean,
  ): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      let head = heads.get(organizationId);
      if (head === undefined) head = { ...(await readChainHead(db, organizationId)), lastOccurredAt: 0 };
      const batch = chainAfterHead(organizationId, head, events);
      if (await insertAfterHead(pool, organizationId, head, batch.events, { waitForFlush })) {
        heads.set(organizationId, batch.head);
        return;
      }
      heads.delete(organizationId);
      if (attempt >= 20) throw new Error('The audit chain head kept moving; the events were not written');
    }
  }

  async function writeBatch(organizationId: string, entries: Waiting[]): Promise<void> {
    try {
      const events = entries.map((entry) => entry.event);
      const onlyAllowedReads = events.every((event) => event.action === 'read' && event.outcome !== 'denied');
      await append(organizationId, events, onlyAllowedReads ? options.readsWaitForFlush : true);
      for (const entry of entries) entry.resolve();
    } catch (error) {
      for (const entry of entries) entry.reject(error);
    }
  }

  function startNext(): void {
    if (scheduled || waiting.size === 0 || inFlight >= maxInFlight) return;
    scheduled = true;
    // Lets requests that are already being handled join this batch.
    setImmediate(() => {
      scheduled = false;
      if (waiting.size === 0 || inFlight >= maxInFlight) return;
      const batch = waiting;
      waiting = new Map();
      inFlight++;
      const written = Promise.all(
        [...batch].map(([organizationId, entries]) => writeBatch(organizationId, entries)),
      ).then(() => {
        inFlight--;
        settled.delete(written);
        startNext();
      });
      settled.add(written);
      startNext();
    });
  }

  return {
    /** Resolves when the event is committed to the organization's chain. */
    record(organizationId: string, event: NewAuditEvent): Promise<void> {
      return new Promise((resolve, reject) => {
        const entries = waiting.get(organizationId);
        if (entries === undefined) waiting.set(organizationId, [{ event, resolve, reject }]);
        else entries.push({ event, resolve, reject });
        startNext();
      });
    },
    /** Waits for the events recorded so far (at shutdown). */
    async drain(): Promise<void> {
      while (settled.size > 0 || waiting.size > 0 || scheduled) {
        if (settled.size > 0) await Promise.all(settled);
        else await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

export type AuditWriter = ReturnType<typeof createAuditWriter>;
