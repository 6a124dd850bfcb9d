import { randomBytes } from 'node:crypto';
import { openAsBlob } from 'node:fs';
import pg from 'pg';
import { databaseFromPglite, databaseFromUrl, openPglite, type TandemDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { pgliteTemplateVariable, postgresTemplateVariable } from './test-templates.ts';

/**
 * Each data-layer test file gets a fresh, migrated database of the leg it runs in (TANDEM_TEST_DB): an
 * in-memory PGlite, or a new database on the PostgreSQL server of TEST_DATABASE_URL, dropped on close. Both are
 * copies of the run's migrated template (test-templates.ts) when the global setup prepared one.
 */
export type TestLeg = 'pglite' | 'postgres';

export const defaultTestDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export function testLeg(): TestLeg {
  const leg = process.env.TANDEM_TEST_DB ?? 'pglite';
  if (leg !== 'pglite' && leg !== 'postgres') throw new Error(`Unknown TANDEM_TEST_DB ${leg}`);
  return leg;
}

export function testServerUrl(): string {
  return process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl;
}

/** Every database a test run creates starts with this prefix, so the run can drop what a crash left behind. */
export function testDatabasePrefix(): string {
  return `tandem_test_${process.env.TANDEM_TEST_RUN_ID ?? 'adhoc'}_`;
}

export interface TestDatabase extends TandemDatabase {
  /** A connection string for this database (PostgreSQL leg only). */
  url: string | undefined;
}

let pgliteTemplate: Promise<Blob> | undefined;

/** The run's migrated PGlite data folder, read once per test file; undefined outside a prepared run. */
export function pgliteTestTemplate(): Promise<Blob> | undefined {
  const file = process.env[pgliteTemplateVariable];
  if (file === undefined) return undefined;
  pgliteTemplate ??= openAsBlob(file);
  return pgliteTemplate;
}

/**
 * A new database on the test server: a copy of the run's migrated template, or empty (`empty: true`, or outside
 * a prepared run) for a test that migrates or restores into it itself.
 */
export async function createPostgresDatabase(options: { empty?: boolean } = {}): Promise<{
  name: string;
  url: string;
  drop(): Promise<void>;
}> {
  const name = `${testDatabasePrefix()}${randomBytes(4).toString('hex')}`;
  const template = options.empty === true ? undefined : process.env[postgresTemplateVariable];
  const admin = new pg.Client({ connectionString: testServerUrl() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}${template === undefined ? '' : ` TEMPLATE ${template}`}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl());
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: testServerUrl() });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

export async function createTestDatabase(options: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  if (testLeg() === 'pglite') {
    const template = migrated ? await pgliteTestTemplate() : undefined;
    const database = databaseFromPglite(
      await openPglite(undefined, template === undefined ? {} : { template }),
    );
    if (migrated) await migrate(database.pool);
    return { ...database, url: undefined };
  }
  const created = await createPostgresDatabase({ empty: !migrated });
  const database = databaseFromUrl(created.url, { maxConnections: 5 });
  if (migrated) await migrate(database.pool);
  return {
    ...database,
    url: created.url,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}
