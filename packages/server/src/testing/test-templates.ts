import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { databaseFromPglite, databaseFromUrl, openPglite } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';

/**
 * A test run migrates one empty database per leg, once, and every test file starts from a copy of it: on
 * PGlite a dumped data folder (loaded instead of running initdb and every migration), on PostgreSQL a template
 * database (CREATE DATABASE ... TEMPLATE). The global setup prepares them and names them in the environment that
 * the test workers inherit; a test started without them migrates its database from scratch.
 */
export const pgliteTemplateVariable = 'TANDEM_TEST_PGLITE_TEMPLATE';
export const postgresTemplateVariable = 'TANDEM_TEST_POSTGRES_TEMPLATE';

/** Migrates an in-memory PGlite, dumps its data folder next to the run's other temporary files, returns the path. */
export async function preparePgliteTemplate(prefix: string): Promise<string> {
  const pglite = await openPglite(undefined);
  const database = databaseFromPglite(pglite);
  try {
    await migrate(database.pool);
    const dump = await pglite.dumpDataDir('none');
    const file = path.join(os.tmpdir(), `${prefix}${randomBytes(3).toString('hex')}_template.tar`);
    await writeFile(file, new Uint8Array(await dump.arrayBuffer()));
    return file;
  } finally {
    await database.close();
  }
}

/** Creates and migrates `${prefix}template` on the PostgreSQL server; returns its name. */
export async function preparePostgresTemplate(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}template`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // One connection, closed before any copy: CREATE DATABASE ... TEMPLATE refuses a template in use.
  const database = databaseFromUrl(url.toString(), { maxConnections: 1 });
  try {
    await migrate(database.pool);
  } finally {
    await database.close();
  }
  return name;
}

export async function removePgliteTemplate(file: string): Promise<void> {
  await rm(file, { force: true });
}
