import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../config/config.ts';
import {
  childEnvironment,
  type Finished,
  finished,
  lineMatching,
  runTandemCli,
  startTandemCli,
} from '../testing/cli-process.ts';
import { testLeg } from '../testing/test-database.ts';
import { freePort } from '../testing/test-server.ts';
import { dataFolderPaths } from './data-folder.ts';
import { openConfiguredDatabase } from './open-database.ts';

// Each of these tests starts real processes that create an embedded database (initdb): slow on a busy machine.
const slow = { timeout: 150_000 };

const writer = fileURLToPath(new URL('../testing/fixtures/write-until-killed.ts', import.meta.url));

/** A failure of the CLI is one line that says what to fix: no stack, no second line, exit code 1. */
function expectOneLineFailure(result: Finished, message: RegExp) {
  expect(result.code).toBe(1);
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^tandem: /);
  expect(lines[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}

/** Runs the writer until it has acknowledged at least `minimum` commits, kills it with SIGKILL, returns the ids. */
async function writeUntilKilled(dataDir: string, minimum: number): Promise<string[]> {
  const child = spawn(process.execPath, [writer, dataDir], {
    env: childEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = finished(child);
  const acknowledged: string[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === 'ready') continue;
    acknowledged.push(line);
    if (acknowledged.length === minimum) child.kill('SIGKILL');
  }
  const result = await exited;
  expect(result.signal, result.stderr).toBe('SIGKILL');
  return acknowledged;
}

describe.skipIf(testLeg() !== 'pglite')('the embedded database folder', () => {
  let root: string;
  const folder = async (name: string) => path.join(await mkdtemp(path.join(root, `${name}-`)), 'data');

  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tandem-data-folder-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('loses no acknowledged write to kill -9, and reopens by itself afterwards', slow, async () => {
    const dataDir = await folder('durability');
    const acknowledged: string[] = [];
    // Twice: the second run starts from a folder that has already been through one crash recovery.
    for (let round = 0; round < 2; round++) {
      acknowledged.push(...(await writeUntilKilled(dataDir, 250)));
      const lock = JSON.parse(await readFile(dataFolderPaths(dataDir).lock, 'utf8')) as { pid: number };
      expect(lock.pid).not.toBe(process.pid);

      // The killed writer's lock is stale: opening takes it over without being told to.
      const database = await openConfiguredDatabase(parseConfig({ dataDir }));
      try {
        const { rows } = await database.pool.query<{ found: number }>(
          'SELECT count(*)::int AS found FROM organizations WHERE id = ANY($1::uuid[])',
          [acknowledged],
        );
        expect(rows[0]?.found).toBe(acknowledged.length);
        await database.pool.query(`INSERT INTO organizations (name, slug) VALUES ('After crash', $1)`, [
          `after-crash-${round}`,
        ]);
      } finally {
        await database.close();
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(500);
  });

  it(
    'refuses a second process, naming the one that holds the folder, and keeps the data intact',
    slow,
    async () => {
      const dataDir = await folder('second');
      const port = await freePort();
      const first = startTandemCli(['serve', '--data-dir', dataDir, '--port', String(port)], {
        HOST: '127.0.0.1',
      });
      const firstExit = finished(first);
      try {
        await lineMatching(first, /Tandem is running at/);
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        expect(response.status).toBe(200);

        const second = await runTandemCli(['migrate', '--data-dir', dataDir]);
        expectOneLineFailure(
          second,
          new RegExp(`in use by Tandem process ${first.pid} .*Stop that process first`),
        );
        const third = await runTandemCli(['serve', '--data-dir', dataDir, '--port', '0']);
        expectOneLineFailure(third, new RegExp(`in use by Tandem process ${first.pid}`));

        // The first process is unharmed and still answers from its database.
        expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      } finally {
        first.kill('SIGTERM');
      }
      const stopped = await firstExit;
      expect(stopped.code, stopped.stderr).toBe(0);
      expect(existsSync(dataFolderPaths(dataDir).lock)).toBe(false);
      // Stopped cleanly, the folder opens again with its migrations in place.
      const reopened = await runTandemCli(['migrate', '--data-dir', dataDir]);
      expect(reopened.code, reopened.stderr).toBe(0);
    },
  );

  it(
    'recognises a first start that was killed before it finished, and says how to recover',
    slow,
    async () => {
      const dataDir = await folder('unfinished');
      const paths = dataFolderPaths(dataDir);
      const starting = startTandemCli(['migrate', '--data-dir', dataDir]);
      const startExit = finished(starting);
      while (!existsSync(paths.initializing)) {
        if (starting.exitCode !== null) throw new Error('The first start finished before it could be killed');
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      starting.kill('SIGKILL');
      expect((await startExit).signal).toBe('SIGKILL');
      expect(existsSync(paths.initializing)).toBe(true);

      const next = await runTandemCli(['serve', '--data-dir', dataDir, '--port', '0']);
      expectOneLineFailure(
        next,
        /left unfinished by an interrupted first start .* Delete .*pglite and .*pglite\.initializing, then start again/,
      );

      // Following the instructions works.
      await rm(paths.pglite, { recursive: true, force: true });
      await rm(paths.initializing, { force: true });
      const retried = await runTandemCli(['migrate', '--data-dir', dataDir]);
      expect(retried.code, retried.stderr).toBe(0);
      expect(existsSync(paths.initializing)).toBe(false);
    },
  );

  describe('CLI failures are one line without a stack', () => {
    it('an unreachable DATABASE_URL', async () => {
      const result = await runTandemCli(['serve', '--port', '0'], {
        DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/x',
      });
      expectOneLineFailure(
        result,
        /Cannot reach PostgreSQL at postgres:\/\/postgres:\*\*\*\*@127\.0\.0\.1:1\/x: connection refused/,
      );
      expect(result.stderr).not.toContain('secret');
    });

    it('a port already in use', slow, async () => {
      const blocker = net.createServer();
      await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
      const port = (blocker.address() as net.AddressInfo).port;
      try {
        const dataDir = await folder('port');
        const result = await runTandemCli(['serve', '--data-dir', dataDir, '--port', String(port)], {
          HOST: '127.0.0.1',
        });
        expectOneLineFailure(result, new RegExp(`Port ${port} is already in use`));
        // It let go of the folder on the way out.
        expect(existsSync(dataFolderPaths(dataDir).lock)).toBe(false);
      } finally {
        blocker.close();
      }
    });

    it('a data folder that cannot be created', async () => {
      const file = path.join(root, 'a-file');
      await writeFile(file, 'not a folder\n');
      const result = await runTandemCli(['serve', '--port', '0', '--data-dir', path.join(file, 'data')]);
      expectOneLineFailure(result, /The data folder .*a-file\/data is not writable \(ENOTDIR\)/);
    });

    it('a backup of a data folder that holds no database (a mistyped path)', async () => {
      const dataDir = path.join(root, 'never-created');
      const result = await runTandemCli(['backup', path.join(root, 'nothing.gz'), '--data-dir', dataDir]);
      expectOneLineFailure(result, /There is no embedded database in .*never-created: nothing to back up/);
      expect(existsSync(dataDir)).toBe(false);
    });

    it('an invalid setting in the environment', async () => {
      const result = await runTandemCli(['serve'], { PORT: 'eighty' });
      expectOneLineFailure(result, /^tandem: Invalid PORT: /);
    });
  });
});
