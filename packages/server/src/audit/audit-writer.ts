import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { appendAuditEvents, type NewAuditEvent } from './repository.ts';

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
  /** Batches being written at once; the next waits (default 2: one committing while the next is sent). */
  maxBatchesInFlight?: number;
}

/**
 * Records the audit events of reads (and of refusals) before their responses leave, without a transaction per
 * request: events gather while earlier batches are being written, and each batch is one statement per
 * organization (group commit; the chain head's row lock orders concurrent batches). A request's promise settles
 * once its event is committed; if writing fails, every request of that batch fails with it, so no read is ever
 * served unaudited.
 *
 * Writes do not come here: they append their event inside their own transaction (appendAuditEvents).
 */
export function createAuditWriter(db: Kysely<DB>, options: AuditWriterOptions) {
  const maxInFlight = options.maxBatchesInFlight ?? 2;
  let waiting = new Map<string, Waiting[]>();
  let scheduled = false;
  let inFlight = 0;
  const settled = new Set<Promise<void>>();

  async function writeBatch(organizationId: string, entries: Waiting[]): Promise<void> {
    try {
      const events = entries.map((entry) => entry.event);
      const onlyAllowedReads = events.every((event) => event.action === 'read' && event.outcome !== 'denied');
      await appendAuditEvents(db, organizationId, events, {
        waitForFlush: onlyAllowedReads ? options.readsWaitForFlush : true,
      });
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
