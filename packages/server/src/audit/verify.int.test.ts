import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ChainedAuditEvent } from '@tandem/core/audit/audit-chain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import type { TandemDatabase } from '../db/database.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { readEvent } from '../testing/audit-events.ts';
import { runTandemCli } from '../testing/cli-process.ts';
import {
  createPostgresDatabase,
  createTestDatabase,
  type TestDatabase,
  testLeg,
} from '../testing/test-database.ts';
import { appendAuditEvents } from './repository.ts';
import { verifyAuditTrail } from './verify.ts';

/** An organization with ten audit events, appended by three transactions. */
async function auditedOrganization(database: TandemDatabase, slug: string): Promise<ChainedAuditEvent[]> {
  const { id } = await database.db
    .insertInto('organizations')
    .values({ name: slug, slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  const events: ChainedAuditEvent[] = [];
  for (const indexes of [
    [1, 2, 3],
    [4, 5, 6, 7],
    [8, 9, 10],
  ]) {
    events.push(
      ...(await database.db.transaction().execute((trx) =>
        appendAuditEvents(
          trx,
          id,
          indexes.map((index) => readEvent(index)),
        ),
      )),
    );
  }
  return events;
}

/** Runs SQL past the append-only trigger, as the table owner can: what an attacker with the owner's rights does. */
async function tamper(database: TandemDatabase, statements: string[]): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
    for (const statement of statements) await client.query(statement);
    await client.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}

function where(events: ChainedAuditEvent[], sequence: number): string {
  return `organization_id = '${events[0]?.organizationId}' AND sequence = ${sequence}`;
}

describe('verifyAuditTrail', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts the events of intact chains, organizations without events included', async () => {
    await auditedOrganization(database, 'intact-a');
    await auditedOrganization(database, 'intact-b');
    await database.db.insertInto('organizations').values({ name: 'quiet', slug: 'quiet' }).execute();
    expect(await verifyAuditTrail(database.db)).toEqual({ organizations: 3, events: 20, broken: undefined });
    expect(await verifyAuditTrail(database.db, { organizationSlug: 'intact-b' })).toMatchObject({
      organizations: 1,
      events: 10,
    });
    await expect(verifyAuditTrail(database.db, { organizationSlug: 'nobody' })).rejects.toThrow(
      /no organization/,
    );
  });

  it('names an edited event', async () => {
    const events = await auditedOrganization(database, 'edited');
    await tamper(database, [`UPDATE audit_events SET outcome = 'denied' WHERE ${where(events, 6)}`]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'edited' })).broken).toMatchObject({
      organizationSlug: 'edited',
      sequence: 6,
      id: events[5]?.id,
      reason: 'edited',
    });
  });

  it('names an event whose time was edited by a microsecond', async () => {
    const events = await auditedOrganization(database, 'retimed');
    await tamper(database, [
      `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE ${where(events, 2)}`,
    ]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'retimed' })).broken).toMatchObject({
      sequence: 2,
      reason: 'edited',
    });
  });

  it('names the event after a deleted one', async () => {
    const events = await auditedOrganization(database, 'deleted');
    await tamper(database, [`DELETE FROM audit_events WHERE ${where(events, 4)}`]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'deleted' })).broken).toMatchObject({
      sequence: 5,
      id: events[4]?.id,
      reason: 'deleted',
    });
  });

  it('names the missing end of a chain', async () => {
    const events = await auditedOrganization(database, 'cut');
    await tamper(database, [`DELETE FROM audit_events WHERE ${where(events, 10)}`]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'cut' })).broken).toMatchObject({
      sequence: 10,
      id: null,
      reason: 'truncated',
    });
  });

  it('names the first of two events whose sequences were swapped', async () => {
    const events = await auditedOrganization(database, 'swapped');
    await tamper(database, [
      `UPDATE audit_events SET sequence = 1000 WHERE ${where(events, 3)}`,
      `UPDATE audit_events SET sequence = 3 WHERE ${where(events, 8)}`,
      `UPDATE audit_events SET sequence = 8 WHERE ${where(events, 1000)}`,
    ]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'swapped' })).broken).toMatchObject({
      sequence: 3,
      id: events[7]?.id,
      reason: 'reordered',
    });
  });

  it('reads a chain longer than one batch', async () => {
    const { id } = await database.db
      .insertInto('organizations')
      .values({ name: 'long', slug: 'long' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute((trx) =>
      appendAuditEvents(
        trx,
        id,
        Array.from({ length: 2500 }, (_, index) => readEvent(index)),
      ),
    );
    expect(await verifyAuditTrail(database.db, { organizationSlug: 'long' })).toEqual({
      organizations: 1,
      events: 2500,
      broken: undefined,
    });
  });
});

describe('tandem audit verify', () => {
  let folder: string;
  let target: { flags: string[]; dataDir?: string; databaseUrl?: string; drop?: () => Promise<void> };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-audit-'));
    if (testLeg() === 'postgres') {
      const created = await createPostgresDatabase();
      target = { flags: ['--database-url', created.url], databaseUrl: created.url, drop: created.drop };
    } else {
      const dataDir = path.join(folder, 'data');
      target = { flags: ['--data-dir', dataDir], dataDir };
    }
  });
  afterAll(async () => {
    await target?.drop?.();
    await rm(folder, { recursive: true, force: true });
  });

  async function withDatabase<T>(use: (database: TandemDatabase) => Promise<T>): Promise<T> {
    const database = await openConfiguredDatabase(parseConfig(target));
    try {
      return await use(database);
    } finally {
      await database.close();
    }
  }

  it('prints a summary when intact, and names the first bad event and exits 1 when not', {
    timeout: 180_000,
  }, async () => {
    const events = await withDatabase((database) => auditedOrganization(database, 'clinic'));
    const intact = await runTandemCli(['audit', 'verify', ...target.flags]);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toBe('audit trail intact: 10 events in 1 organizations\n');

    await withDatabase((database) =>
      tamper(database, [`UPDATE audit_events SET actor_role = 'admin' WHERE ${where(events, 7)}`]),
    );
    const broken = await runTandemCli(['audit', 'verify', '--organization', 'clinic', ...target.flags]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      `audit trail broken in organization clinic (${events[0]?.organizationId}) at sequence 7 (id ${events[6]?.id}): edited, its content does not match its hash\n`,
    );

    const unknown = await runTandemCli(['audit', 'verify', '--organization', 'nobody', ...target.flags]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no organization with the slug nobody/);
  });
});
