import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { defaultTestDatabaseUrl } from './test-database.ts';
import {
  pgliteTemplateVariable,
  postgresTemplateVariable,
  preparePgliteTemplate,
  preparePostgresTemplate,
  removePgliteTemplate,
} from './test-templates.ts';

/**
 * Once per test run (every project that needs a database names this setup; the first one does the work): gives
 * the run an id for database names, migrates one template database per leg (test-templates.ts), and at the end
 * removes the templates and, on PostgreSQL, drops every database the run left behind.
 */
export default async function setup() {
  if (process.env.TANDEM_TEST_TEMPLATES_READY === '1') return undefined;
  process.env.TANDEM_TEST_TEMPLATES_READY = '1';
  process.env.TANDEM_TEST_RUN_ID ??= `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const prefix = `tandem_test_${process.env.TANDEM_TEST_RUN_ID}_`;
  const serverUrl = process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl;
  // The browser tests run on PGlite whatever the legs; the PostgreSQL leg only when the run asks for it.
  const wantsPostgres = (process.env.TANDEM_TEST_LEGS ?? 'pglite').split(',').includes('postgres');

  const pgliteFile = await preparePgliteTemplate(prefix);
  process.env[pgliteTemplateVariable] = pgliteFile;
  if (wantsPostgres) process.env[postgresTemplateVariable] = await preparePostgresTemplate(serverUrl, prefix);

  return async () => {
    await removePgliteTemplate(pgliteFile);
    if (!wantsPostgres) return;
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
        [prefix],
      );
      for (const row of rows) await client.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    } finally {
      await client.end();
    }
  };
}
