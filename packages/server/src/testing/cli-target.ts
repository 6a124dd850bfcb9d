import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseConfig } from '../config/config.ts';
import type { TandemDatabase } from '../db/database.ts';
import { openConfiguredDatabase } from '../db/open-database.ts';
import { createPostgresDatabase, testLeg } from './test-database.ts';

export interface CliTarget {
  /** A temporary folder of the test's own, removed by drop(). */
  folder: string;
  /** The flags that point a `tandem` process at this target. */
  flags: string[];
  dataDir: string;
  databaseUrl?: string;
  /** Opens the target's database in this process, for setting up or tampering between commands. */
  withDatabase<T>(use: (database: TandemDatabase) => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}

/**
 * Where `tandem` commands of a test run: a data folder in a temporary folder (the embedded database on PGlite's
 * leg; the generated secrets and signing key on both), and a fresh PostgreSQL database on PostgreSQL's leg.
 */
export async function createCliTarget(): Promise<CliTarget> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'tandem-cli-'));
  const dataDir = path.join(folder, 'data');
  const postgres = testLeg() === 'postgres' ? await createPostgresDatabase() : undefined;
  const location = { dataDir, ...(postgres === undefined ? {} : { databaseUrl: postgres.url }) };
  return {
    ...location,
    folder,
    flags: ['--data-dir', dataDir, ...(postgres === undefined ? [] : ['--database-url', postgres.url])],
    async withDatabase(use) {
      const database = await openConfiguredDatabase(parseConfig(location));
      try {
        return await use(database);
      } finally {
        await database.close();
      }
    },
    async drop() {
      await postgres?.drop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
