import { generateKeyPairSync } from 'node:crypto';
import { verifyChain } from '@tandem/core/audit/audit-chain';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppRole } from '../db/app-role.ts';
import { databaseFromUrl, type TandemDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { readEvent } from '../testing/audit-events.ts';
import { createTestDatabase, type TestDatabase, testLeg, testServerUrl } from '../testing/test-database.ts';
import { writeCheckpoints } from './checkpoints.ts';
import { appendAuditEvents, auditRepository } from './repository.ts';
import { signingKeyFrom } from './signing-key.ts';

async function createOrganization(database: TandemDatabase, slug: string): Promise<string> {
  const row = await database.db
    .insertInto('organizations')
    .values({ name: slug, slug })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function storedChain(database: TandemDatabase, organizationId: string) {
  const audit = auditRepository(database.db);
  return {
    events: await audit.eventsAfter(organizationId, 0, 100_000),
    head: await audit.chainHead(organizationId),
  };
}

describe('appendAuditEvents', () => {
  let database: TestDatabase;
  let organizationId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    organizationId = await createOrganization(database, 'audited');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('chains events from sequence 1, stored exactly as hashed (timestamps to the microsecond)', async () => {
    const written = await database.db.transaction().execute((trx) =>
      appendAuditEvents(trx, organizationId, [
        readEvent(1, '01900000-0000-7000-8000-0000000000aa'),
        {
          ...readEvent(2),
          action: 'update',
          fieldsChanged: ['phone', 'email'],
          outcome: 'break_glass',
          reason: 'emergency',
        },
      ]),
    );
    expect(written.map((event) => event.sequence)).toEqual([1, 2]);
    const { events, head } = await storedChain(database, organizationId);
    expect(events).toEqual(written);
    expect(events[0]?.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
    expect(head).toEqual({ lastSequence: 2, lastHash: written[1]?.hash });
    expect(verifyChain(events, head)).toBeUndefined();
  });

  it('many parallel transactions of one organization make one gap-free, valid chain', async () => {
    const other = await createOrganization(database, 'parallel');
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        database.db
          .transaction()
          .execute((trx) => appendAuditEvents(trx, other, [readEvent(index * 2), readEvent(index * 2 + 1)])),
      ),
    );
    const { events, head } = await storedChain(database, other);
    expect(events.map((event) => event.sequence)).toEqual(
      Array.from({ length: 48 }, (_, index) => index + 1),
    );
    expect(head?.lastSequence).toBe(48);
    expect(verifyChain(events, head)).toBeUndefined();
    const times = events.map((event) => event.occurredAt);
    expect([...times].sort()).toEqual(times);
  });

  it('hashes in SQL exactly as the core verifier does, whatever the text holds', async () => {
    const other = await createOrganization(database, 'awkward-text');
    const awkward = [
      'quote " backslash \\ slash / newline \n tab \t',
      'control \u0001\u001f and DEL \u007f',
      'accents é ñ ü, CJK 漢字, emoji 🧭, line separator \u2028',
      'latin-1 as Node decodes headers: \u00e9\u00ff',
    ];
    const written = await database.db.transaction().execute((trx) =>
      appendAuditEvents(
        trx,
        other,
        awkward.map((text, index) => ({
          ...readEvent(index),
          userAgent: text,
          reason: text,
          resourceId: null,
          ipAddress: null,
          fieldsChanged: index % 2 === 0 ? [] : ['zeta', 'alpha', text],
        })),
      ),
    );
    const { events, head } = await storedChain(database, other);
    expect(events).toEqual(written);
    expect(events.map((event) => event.fieldsChanged)).toEqual([
      [],
      ['zeta', 'alpha', awkward[1]],
      [],
      ['zeta', 'alpha', awkward[3]],
    ]);
    expect(verifyChain(events, head)).toBeUndefined();
  });

  it('hashes the actor’s name as core does: the caller’s, else the actor’s name in users at writing, else none', async () => {
    const other = await createOrganization(database, 'named-actors');
    const user = await database.db
      .insertInto('users')
      .values({ name: 'Dr. Casey Rivera', email: 'named.actor@example.org' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const written = await database.db
      .transaction()
      .execute((trx) =>
        appendAuditEvents(trx, other, [
          { ...readEvent(1), actorUserId: user.id, actorName: 'Casey "Cee" Rivera 🧭' },
          { ...readEvent(2), actorUserId: user.id },
          readEvent(3),
        ]),
      );
    expect(written.map((event) => event.actorName)).toEqual([
      'Casey "Cee" Rivera 🧭',
      'Dr. Casey Rivera',
      null,
    ]);
    // A later change of name leaves the recorded ones (and their hashes) as they were.
    await database.db.updateTable('users').set({ name: 'Someone Else' }).where('id', '=', user.id).execute();
    const { events, head } = await storedChain(database, other);
    expect(events).toEqual(written);
    expect(verifyChain(events, head)).toBeUndefined();
    const named = events[1] as (typeof events)[number];
    expect(
      verifyChain([events[0], { ...named, actorName: 'Someone Else' }, events[2]] as typeof events),
    ).toMatchObject({
      sequence: 2,
      reason: 'edited',
    });
  });

  it('a rolled-back transaction leaves no event and no gap', async () => {
    const before = await storedChain(database, organizationId);
    await expect(
      database.db.transaction().execute(async (trx) => {
        await appendAuditEvents(trx, organizationId, [readEvent(3)]);
        throw new Error('the audited write failed');
      }),
    ).rejects.toThrow('the audited write failed');
    expect(await storedChain(database, organizationId)).toEqual(before);
    const [next] = await database.db
      .transaction()
      .execute((trx) => appendAuditEvents(trx, organizationId, [readEvent(4)]));
    expect(next?.sequence).toBe((before.head?.lastSequence ?? 0) + 1);
    const after = await storedChain(database, organizationId);
    expect(verifyChain(after.events, after.head)).toBeUndefined();
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit events, even to the owner (trigger)', async () => {
    const before = await storedChain(database, organizationId);
    await expect(database.pool.query(`UPDATE audit_events SET action = 'nothing'`)).rejects.toThrow(
      /append-only: UPDATE/,
    );
    await expect(database.pool.query('DELETE FROM audit_events')).rejects.toThrow(/append-only: DELETE/);
    await expect(database.pool.query('TRUNCATE audit_events CASCADE')).rejects.toThrow(
      /append-only: TRUNCATE/,
    );
    expect(await storedChain(database, organizationId)).toEqual(before);
  });

  it('refuses to move a chain head backwards', async () => {
    await expect(
      database.pool.query('UPDATE audit_chain_heads SET last_sequence = 0 WHERE organization_id = $1', [
        organizationId,
      ]),
    ).rejects.toThrow(/only moves forward/);
  });
});

describe.runIf(testLeg() === 'postgres')('the app role on PostgreSQL (tandem db create-app-role)', () => {
  let owner: TestDatabase;
  let app: TandemDatabase;
  let organizationId: string;
  const role = `tandem_app_${Math.random().toString(36).slice(2, 10)}`;

  beforeAll(async () => {
    owner = await createTestDatabase();
    organizationId = await createOrganization(owner, 'app-role');
    expect(await createAppRole(owner.pool, role)).toEqual({ created: true });
    // A second run only brings the grants up to date.
    expect(await createAppRole(owner.pool, role)).toEqual({ created: false });
    await expect(createAppRole(owner.pool, 'postgres')).rejects.toThrow(
      /neither the schema owner nor a superuser/,
    );
    await expect(createAppRole(owner.pool, 'Robert"; DROP')).rejects.toThrow(/not valid/);
    const url = new URL(owner.url as string);
    url.username = role;
    app = databaseFromUrl(url.toString(), { maxConnections: 2 });
  });
  afterAll(async () => {
    await app?.close();
    await owner?.close();
    const admin = new pg.Client({ connectionString: testServerUrl() });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
  });

  it('starts (migrate finds nothing to do), appends and reads audit events', async () => {
    expect(await migrate(app.pool)).toEqual([]);
    await app.db
      .transaction()
      .execute((trx) => appendAuditEvents(trx, organizationId, [readEvent(1), readEvent(2)]));
    const { events, head } = await storedChain(app, organizationId);
    expect(events).toHaveLength(2);
    expect(verifyChain(events, head)).toBeUndefined();
    const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    expect(await writeCheckpoints(app.db, key, { organizationId })).toMatchObject([
      { sequence: head?.lastSequence },
    ]);
  });

  it('may write the other tables', async () => {
    await app.pool.query(`UPDATE organizations SET time_zone = 'America/Chicago' WHERE id = $1`, [
      organizationId,
    ]);
  });

  it('may not UPDATE, DELETE or TRUNCATE audit events, nor delete a chain head: permission denied', async () => {
    for (const statement of [
      `UPDATE audit_events SET action = 'nothing'`,
      'DELETE FROM audit_events',
      'TRUNCATE audit_events',
      'DELETE FROM audit_chain_heads',
      `INSERT INTO schema_migrations (name, checksum) VALUES ('9999_x.sql', 'x')`,
      'ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only',
      `UPDATE audit_checkpoints SET key_id = '0123456789abcdef'`,
      'DELETE FROM audit_checkpoints',
      'TRUNCATE audit_checkpoints',
      'ALTER TABLE audit_checkpoints DISABLE TRIGGER audit_checkpoints_append_only',
    ]) {
      await expect(app.pool.query(statement), statement).rejects.toThrow(/permission denied|must be owner/);
    }
  });
});
