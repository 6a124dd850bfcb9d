import { verifyChain } from '@tandem/core/audit/audit-chain';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../testing/audit-events.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { createAuditWriter } from './audit-writer.ts';
import { appendAuditEvents, auditRepository } from './repository.ts';

let database: TestDatabase;
let organizationId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  organizationId = (
    await database.db
      .insertInto('organizations')
      .values({ name: 'Batched', slug: 'batched' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await database?.close();
});

describe('the audit writer', () => {
  for (const readsWaitForFlush of [true, false]) {
    it(`commits concurrent reads in batches, each promise settling once its event is stored (reads wait for flush: ${readsWaitForFlush})`, async () => {
      const audit = auditRepository(database.db);
      const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
      let statements = 0;
      const counted = database.db.withPlugin({
        transformQuery: (args) => {
          statements++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const countedPool = {
        query: ((config: Parameters<typeof database.pool.query>[0]) => {
          statements++;
          return database.pool.query(config);
        }) as typeof database.pool.query,
      };
      const countingWriter = createAuditWriter({ db: counted, pool: countedPool }, { readsWaitForFlush });
      const ids = Array.from({ length: 40 }, () => uuidv7());
      await Promise.all(
        ids.map(async (id, index) => {
          await countingWriter.record(organizationId, { ...readEvent(index), id });
          // Settled only once stored: the event is readable now.
          const stored = await database.db
            .selectFrom('auditEvents')
            .select('id')
            .where('organizationId', '=', organizationId)
            .where('id', '=', id)
            .executeTakeFirst();
          expect(stored?.id).toBe(id);
        }),
      );
      await countingWriter.drain();
      // Forty events in far fewer statements than forty.
      expect(statements).toBeLessThan(10);
      const events = await audit.eventsAfter(organizationId, before, 1000);
      expect(events.map((event) => event.id).sort()).toEqual([...ids].sort());
      const all = await audit.eventsAfter(organizationId, 0, 100_000);
      expect(verifyChain(all, await audit.chainHead(organizationId))).toBeUndefined();
    });
  }

  it('finds the chain moved by someone else (a write, another process) and chains after it', async () => {
    const writer = createAuditWriter(database, { readsWaitForFlush: true });
    const other = createAuditWriter(database, { readsWaitForFlush: true });
    await writer.record(organizationId, readEvent(10));
    // A write's own transaction and a second process's writer both move the head behind this writer's back.
    await database.db
      .transaction()
      .execute((trx) => appendAuditEvents(trx, organizationId, [{ ...readEvent(11), action: 'update' }]));
    await other.record(organizationId, readEvent(12));
    await writer.record(organizationId, readEvent(13));
    await Promise.all([
      writer.record(organizationId, readEvent(14)),
      other.record(organizationId, readEvent(15)),
    ]);
    const audit = auditRepository(database.db);
    const all = await audit.eventsAfter(organizationId, 0, 100_000);
    expect(all.map((event) => event.sequence)).toEqual(all.map((_, index) => index + 1));
    expect(verifyChain(all, await audit.chainHead(organizationId))).toBeUndefined();
  });

  it('stores whatever the text holds exactly as it hashed it', async () => {
    const writer = createAuditWriter(database, { readsWaitForFlush: false });
    const awkward = [
      'quote " backslash \\ slash / newline \n tab \t',
      'control \u0001\u001f and DEL \u007f',
      'accents é ñ ü, CJK 漢字, emoji 🧭, line separator \u2028',
      'latin-1 as Node decodes headers: \u00e9\u00ff',
    ];
    const audit = auditRepository(database.db);
    const before = (await audit.chainHead(organizationId))?.lastSequence ?? 0;
    await Promise.all(
      awkward.map((text, index) =>
        writer.record(organizationId, {
          ...readEvent(index),
          userAgent: text,
          reason: text,
          resourceId: text,
          fieldsChanged: index % 2 === 0 ? [] : ['zeta', 'alpha', text],
        }),
      ),
    );
    const stored = await audit.eventsAfter(organizationId, before, 100);
    expect(stored.map((event) => [event.userAgent, event.reason, event.resourceId])).toEqual(
      awkward.map((text) => [text, text, text]),
    );
    expect(stored.map((event) => event.fieldsChanged)).toEqual([
      [],
      ['zeta', 'alpha', awkward[1]],
      [],
      ['zeta', 'alpha', awkward[3]],
    ]);
    const all = await audit.eventsAfter(organizationId, 0, 100_000);
    expect(verifyChain(all, await audit.chainHead(organizationId))).toBeUndefined();
  });

  it('fails every request of a batch it could not write, so that no read is served unaudited', async () => {
    const writer = createAuditWriter(database, { readsWaitForFlush: true });
    const unknownOrganization = uuidv7();
    const results = await Promise.allSettled([
      writer.record(unknownOrganization, readEvent(1)),
      writer.record(unknownOrganization, readEvent(2)),
    ]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    // The writer keeps working for the next batch.
    await expect(writer.record(organizationId, readEvent(3))).resolves.toBeUndefined();
  });
});
