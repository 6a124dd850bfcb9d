import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { defaultTestDatabaseUrl } from './test-database.ts';

/** Gives the run an id (for database names) and, on PostgreSQL, drops every database the run left behind. */
export default async function setup({ provide: _provide }: { provide: unknown }) {
  process.env.TANDEM_TEST_RUN_ID ??= `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  if (process.env.TANDEM_TEST_DB !== 'postgres') return undefined;
  const prefix = `tandem_test_${process.env.TANDEM_TEST_RUN_ID}_`;
  return async () => {
    const client = new pg.Client({
      connectionString: process.env.TEST_DATABASE_URL ?? defaultTestDatabaseUrl,
    });
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
