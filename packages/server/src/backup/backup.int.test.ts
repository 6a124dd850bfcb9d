import { mkdtemp, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { isStaffRole } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAuditEvents } from '../audit/repository.ts';
import { verifyAuditTrail } from '../audit/verify.ts';
import { databaseFromPglite, openPglite, type TandemDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { demoAccounts } from '../demo/demo-accounts.ts';
import { seedDemo, unlinkedStaff } from '../demo/seed-demo.ts';
import { demoPatients } from '../demo/seed-demo-patients.ts';
import { generatePatients } from '../generate/generate-patients.ts';
import { patientRepository } from '../patients/repository.ts';
import { readEvent } from '../testing/audit-events.ts';
import { rowCounts, snapshotTables, type TableSnapshot } from '../testing/table-snapshot.ts';
import { createTestDatabase, type TestDatabase, testLeg } from '../testing/test-database.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

/** The demo organization, generated patients, and rows that stress the text forms of the column types. */
async function fillWithData(database: TandemDatabase): Promise<void> {
  const { organizationId } = await seedDemo(database.db);
  await database.db.transaction().execute((trx) =>
    appendAuditEvents(trx, organizationId, [
      readEvent(1),
      {
        ...readEvent(2),
        action: 'update',
        fieldsChanged: ['phone', 'e"mail'],
        outcome: 'break_glass',
        reason: 'ER',
      },
      { ...readEvent(3), outcome: 'denied', ipAddress: null, userAgent: null },
    ]),
  );
  await generatePatients(database.db, { count: 2500, seed: 7 });
  const pool = database.pool;
  const { rows } = await pool.query<{ id: string }>('SELECT id FROM users ORDER BY email LIMIT 1');
  const userId = rows[0]?.id;
  await pool.query(
    `INSERT INTO staff_members (organization_id, display_name, email, job_role, credentials, license_number,
       license_expires_on, approaches, languages, created_at)
     VALUES ($1, $2, 'quote.test@demo.tandem.test', 'clinician', $3, NULL, '2031-02-28', '{}', '{vi,es}',
       '2026-03-04 05:06:07.123456+00')`,
    [
      organizationId,
      `Seán O'Brien "Tricky" \\ back\\slash\nnew line, Zoë 🙂`,
      ['LCSW', 'a,b', 'quote"d', ''],
    ],
  );
  await pool.query(
    `INSERT INTO sessions (user_id, token, expires_at, ip_address, user_agent, active_organization_id)
     VALUES ($1, 'token-1', '2026-12-31 23:59:59.999999+00', '::1', E'agent\\twith\\ttabs', $2)`,
    [userId, organizationId],
  );
  await pool.query(
    `INSERT INTO verifications (identifier, value, expires_at) VALUES ('reset', '{"json":"in text"}', 'infinity')`,
  );
  await pool.query(
    `UPDATE patients SET preferred_name = 'Nguyễn Thị', version = 3, updated_at = '2025-05-05 10:00:00.5+00'
     WHERE mrn = '0000042'`,
  );
}

async function emptyCounts(database: TandemDatabase): Promise<Record<string, number>> {
  return Object.fromEntries(
    Object.keys(rowCounts(await snapshotTables(database.pool))).map((name) => [name, 0]),
  );
}

/** Unzips a backup, lets `edit` change its lines, zips it again: a well-formed gzip with damaged content. */
async function rewriteBackup(from: string, to: string, edit: (lines: string[]) => string[]): Promise<void> {
  const lines = gunzipSync(await readFile(from))
    .toString('utf8')
    .split('\n');
  await writeFile(to, gzipSync(edit(lines).join('\n')));
}

describe('backup and restore', () => {
  let source: TestDatabase;
  let sourceSnapshot: TableSnapshot;
  let folder: string;
  let backupFile: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-backup-'));
    source = await createTestDatabase();
    await fillWithData(source);
    sourceSnapshot = await snapshotTables(source.pool);
    backupFile = path.join(folder, 'source.tandem-backup.gz');
    await backupDatabase(source.pool, backupFile, { kind: source.kind });
  });

  afterAll(async () => {
    await source?.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('restores every table exactly: SELECT * ORDER BY primary key is the same, byte for byte', async () => {
    // The demo's staff (one per staff account, plus the clinicians without a sign-in) and the generated clinicians.
    expect(rowCounts(sourceSnapshot).staff_members).toBeGreaterThan(
      demoAccounts.filter((account) => isStaffRole(account.role)).length + unlinkedStaff.length,
    );
    expect(rowCounts(sourceSnapshot)).toMatchObject({
      patients: 2500 + demoPatients.length,
      sessions: 1,
      users: demoAccounts.length,
    });
    const target = await createTestDatabase();
    try {
      const summary = await restoreDatabase(target.pool, backupFile);
      expect(summary.rows).toBe(Object.values(rowCounts(sourceSnapshot)).reduce((a, b) => a + b, 0));
      expect(await snapshotTables(target.pool)).toEqual(sourceSnapshot);

      // The MRN counter came along: the next patient gets the next number, not one already taken.
      const { organizationId } = await seedDemo(target.db);
      const next = await patientRepository(target.db).allocateMrnValues(organizationId, 1);
      expect(next).toBe(2500 + demoPatients.length + 1);

      // The audit trail came along intact, and its chain goes on where it stopped.
      expect(await verifyAuditTrail(target.db)).toEqual({
        organizations: 1,
        events: 3,
        checkpoints: 0,
        broken: undefined,
      });
      const [appended] = await target.db
        .transaction()
        .execute((trx) => appendAuditEvents(trx, organizationId, [readEvent(4)]));
      expect(appended?.sequence).toBe(4);
      expect(await verifyAuditTrail(target.db)).toMatchObject({ events: 4, broken: undefined });
    } finally {
      await target.close();
    }
  });

  it('refuses a database that holds data, and leaves it untouched', async () => {
    const target = await createTestDatabase();
    try {
      await seedDemo(target.db);
      const before = await snapshotTables(target.pool);
      await expect(restoreDatabase(target.pool, backupFile)).rejects.toThrow(
        /target database is not empty \(rows in .*organizations.*\).*--force/,
      );
      expect(await snapshotTables(target.pool)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  it('with force, replaces what the database held', async () => {
    const target = await createTestDatabase();
    try {
      await seedDemo(target.db);
      await generatePatients(target.db, { count: 30, seed: 99 });
      await restoreDatabase(target.pool, backupFile, { force: true });
      expect(await snapshotTables(target.pool)).toEqual(sourceSnapshot);
    } finally {
      await target.close();
    }
  });

  it('even with force, refuses to replace a database that holds an audit trail', async () => {
    const target = await createTestDatabase();
    try {
      const { organizationId } = await seedDemo(target.db);
      await target.db.transaction().execute((trx) => appendAuditEvents(trx, organizationId, [readEvent(1)]));
      const before = await snapshotTables(target.pool);
      await expect(restoreDatabase(target.pool, backupFile, { force: true })).rejects.toThrow(
        /holds an audit trail \(rows in audit_events\).*not even with --force/,
      );
      expect(await snapshotTables(target.pool)).toEqual(before);
    } finally {
      await target.close();
    }
  });

  describe('a damaged file is refused and nothing of it is written', () => {
    let target: TestDatabase;
    let empty: Record<string, number>;

    beforeAll(async () => {
      target = await createTestDatabase();
      empty = await emptyCounts(target);
    });
    afterAll(async () => {
      await target?.close();
    });

    async function expectRefused(file: string, message: RegExp) {
      await expect(restoreDatabase(target.pool, file)).rejects.toThrow(message);
      expect(rowCounts(await snapshotTables(target.pool))).toEqual(empty);
    }

    it('a file cut short in the middle of the gzip stream', async () => {
      const file = path.join(folder, 'cut.gz');
      await writeFile(file, await readFile(backupFile));
      const { size } = await stat(file);
      await truncate(file, Math.floor(size * 0.7));
      await expectRefused(file, /cut\.gz: it is damaged or cut short .*Nothing was restored/);
    });

    it('a well-formed gzip whose rows stop in the middle of a table (earlier tables already loaded)', async () => {
      const file = path.join(folder, 'short.gz');
      // Keep the header and the first 2000 rows: users, organizations... then part of patients.
      await rewriteBackup(backupFile, file, (lines) => lines.slice(0, 2001));
      await expectRefused(file, /short\.gz: it ends early. Nothing was restored/);
    });

    it('a file missing only its trailer', async () => {
      const file = path.join(folder, 'no-trailer.gz');
      await rewriteBackup(backupFile, file, (lines) => lines.filter((line) => !line.startsWith('{"end"')));
      await expectRefused(file, /it does not end where its header says/);
    });

    it('a row that is not valid JSON', async () => {
      const file = path.join(folder, 'bad-row.gz');
      await rewriteBackup(backupFile, file, (lines) =>
        lines.map((line, index) => (index === 1500 ? line.replace('"mrn": "', '"mrn": "\\') : line)),
      );
      await expectRefused(file, /table patients rejected its rows \(.*json.*\). Nothing was restored/i);
    });

    it('a file that is not a backup at all', async () => {
      const file = path.join(folder, 'notes.txt');
      await writeFile(file, 'just some notes\n');
      await expectRefused(file, /notes\.txt: it is not a Tandem backup \(not a gzip file\)/);
      await writeFile(file, gzipSync('{"hello":"world"}\n'));
      await expectRefused(file, /notes\.txt: it is not a Tandem backup/);
    });

    it('a backup of another schema version', async () => {
      const file = path.join(folder, 'older.gz');
      await rewriteBackup(backupFile, file, ([header, ...rest]) => {
        const parsed = JSON.parse(header as string);
        parsed.migrations = parsed.migrations.slice(0, 1);
        return [JSON.stringify(parsed), ...rest];
      });
      await expectRefused(
        file,
        /taken with an older Tandem \(schema 0001_platform\.sql, this one is at \d{4}_/,
      );
    });

    it('a missing file', async () => {
      await expectRefused(
        path.join(folder, 'nowhere.gz'),
        /Cannot read the backup file .*nowhere\.gz \(ENOENT\)/,
      );
    });
  });

  it('round-trips identity columns, their sequences and types the schema does not use yet', async () => {
    const probeTable = `CREATE TABLE backup_probe (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, amount numeric, ratio float8, tiny real,
      span interval, data jsonb, doc json, tags text[], raw bytea, at timestamp, day date, clock time, flag boolean,
      doubled integer GENERATED ALWAYS AS (length(coalesce(data::text, '')) * 2) STORED)`;
    const from = await createTestDatabase();
    const to = await createTestDatabase();
    try {
      await from.pool.query(probeTable);
      await to.pool.query(probeTable);
      await from.pool.query(`INSERT INTO backup_probe
        (amount, ratio, tiny, span, data, doc, tags, raw, at, day, clock, flag) VALUES
        (12345678901234567890.000000001, 0.1, 3.4028235e38, '1 year 2 mons 3 days 04:05:06.789',
         '{"b": [1, 2.50, null], "a": "\\u00e9"}', '{ "kept":  "as written" ,"kept": 2 }', '{"x y", NULL, ""}', '\\x00ff10', '2026-01-02 03:04:05.678901',
         '0001-01-01', '23:59:59.999999', true),
        (-0.5, 'NaN', '-Infinity', '-3 days', 'null', 'null', '{}', '', '-infinity', 'infinity', '00:00', NULL),
        (NULL, 1e-300, 1.5, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)`);
      await from.pool.query('DELETE FROM backup_probe WHERE id = 3');
      const file = path.join(folder, 'probe.gz');
      await backupDatabase(from.pool, file);
      await restoreDatabase(to.pool, file);
      expect(await snapshotTables(to.pool)).toEqual(await snapshotTables(from.pool));
      // to_jsonb shows neither a json column's own text nor JSON null against SQL NULL: compare them as text.
      const asText =
        'SELECT id, doc::text, data::text, data IS NULL AS missing FROM backup_probe ORDER BY id';
      expect((await to.pool.query(asText)).rows).toEqual((await from.pool.query(asText)).rows);
      // The identity sequence continues after the backup's last value (3 was used, then deleted).
      const { rows } = await to.pool.query<{ id: number }>(
        `INSERT INTO backup_probe (flag) VALUES (true) RETURNING id`,
      );
      expect(rows[0]?.id).toBe(4);
    } finally {
      await from.close();
      await to.close();
    }
  });

  it('writes the file only once it is complete', async () => {
    const file = path.join(folder, 'missing-folder', 'backup.gz');
    await expect(backupDatabase(source.pool, file)).rejects.toThrow(/Cannot write the backup file .*ENOENT/);
    const broken = await createTestDatabase({ migrated: false });
    try {
      const target = path.join(folder, 'unmigrated.gz');
      await expect(backupDatabase(broken.pool, target)).rejects.toThrow(/schema_migrations/);
      await expect(readFile(target)).rejects.toThrow(/ENOENT/);
      await expect(readFile(`${target}.partial`)).rejects.toThrow(/ENOENT/);
    } finally {
      await broken.close();
    }
  });

  it.runIf(testLeg() === 'postgres')(
    'moves between the embedded database and PostgreSQL, both ways',
    async () => {
      const embedded = databaseFromPglite(await openPglite(undefined));
      const server = await createTestDatabase();
      const back = databaseFromPglite(await openPglite(undefined));
      try {
        await migrate(embedded.pool);
        await migrate(back.pool);
        await fillWithData(embedded);
        const embeddedSnapshot = await snapshotTables(embedded.pool);
        const toServer = path.join(folder, 'pglite.gz');
        await backupDatabase(embedded.pool, toServer, { kind: embedded.kind });
        await restoreDatabase(server.pool, toServer);
        expect(await snapshotTables(server.pool)).toEqual(embeddedSnapshot);

        const toEmbedded = path.join(folder, 'postgres.gz');
        await backupDatabase(server.pool, toEmbedded, { kind: server.kind });
        await restoreDatabase(back.pool, toEmbedded);
        expect(await snapshotTables(back.pool)).toEqual(embeddedSnapshot);
      } finally {
        await embedded.close();
        await server.close();
        await back.close();
      }
    },
    120_000,
  );
});
