import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { demoPatients } from '../demo/seed-demo-patients.ts';
import { type Finished, runTandemCli } from '../testing/cli-process.ts';
import { snapshotTables, type TableSnapshot } from '../testing/table-snapshot.ts';
import { createPostgresDatabase, testLeg } from '../testing/test-database.ts';

// Every step is a real `tandem` process, and each embedded database is created by initdb: slow on a busy machine.
const slow = { timeout: 180_000 };

function expectSuccess(result: Finished, output: RegExp) {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(output);
}

async function snapshotOf(target: { dataDir?: string; databaseUrl?: string }): Promise<TableSnapshot> {
  const database = await openConfiguredDatabase(parseConfig(target));
  try {
    return await snapshotTables(database.pool);
  } finally {
    await database.close();
  }
}

/**
 * The documented way to move: stop Tandem, `tandem backup` the embedded database, `tandem restore` it into the
 * new home (another data folder on the PGlite leg, PostgreSQL on the PostgreSQL leg).
 */
describe('tandem backup and tandem restore', () => {
  let folder: string;
  let source: string;
  let file: string;
  let target: { flags: string[]; dataDir?: string; databaseUrl?: string; drop?: () => Promise<void> };

  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-backup-cli-'));
    source = path.join(folder, 'source');
    file = path.join(folder, 'moved.tandem-backup.gz');
    if (testLeg() === 'postgres') {
      // Restore asks for a database nothing has migrated yet.
      const database = await createPostgresDatabase({ empty: true });
      target = { flags: ['--database-url', database.url], databaseUrl: database.url, drop: database.drop };
    } else {
      const dataDir = path.join(folder, 'target');
      target = { flags: ['--data-dir', dataDir], dataDir };
    }
  });
  afterAll(async () => {
    await target?.drop?.();
    await rm(folder, { recursive: true, force: true });
  });

  it('moves the whole database, and will not restore over it a second time', slow, async () => {
    expectSuccess(
      await runTandemCli(['generate', '--patients', '300', '--seed', '5', '--data-dir', source]),
      /^Added 300 synthetic patients \(MRN \d{7} on\) with seed 5 in/,
    );
    expectSuccess(
      await runTandemCli(['backup', file, '--data-dir', source]),
      /^Backed up \d+ rows of \d+ tables to .*moved\.tandem-backup\.gz .*store it encrypted/,
    );
    expectSuccess(await runTandemCli(['restore', file, ...target.flags]), /^Restored \d+ rows of \d+ tables/);

    const moved = await snapshotOf(target);
    expect(moved.patients).toHaveLength(300 + demoPatients.length);
    expect(moved).toEqual(await snapshotOf({ dataDir: source }));

    const again = await runTandemCli(['restore', file, ...target.flags]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /^tandem: Cannot restore: the target database is not empty \(rows in .*patients.*\)\. .*--force to replace everything in it\.\n$/,
    );
    expectSuccess(await runTandemCli(['restore', file, '--force', ...target.flags]), /^Restored/);
    expect(await snapshotOf(target)).toEqual(moved);
  });
});
