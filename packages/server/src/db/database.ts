import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.generated.ts';

/**
 * One code path for both databases: node-postgres talks to a real PostgreSQL server, or to the embedded PGlite
 * through PGlite's node-postgres adapter. Kysely, better-auth, migrations and backups all see the same `pg.Pool`.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export interface TandemDatabase {
  kind: DatabaseKind;
  db: Kysely<DB>;
  pool: pg.Pool;
  close(): Promise<void>;
}

const pgTypeIds = { int8: 20, date: 1082 } as const;

/** The same value types on both databases: dates as 'YYYY-MM-DD' strings, bigints as exact numbers. */
const typeParsers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === pgTypeIds.date) return (value: string) => value;
    if (oid === pgTypeIds.int8) {
      return (value: string) => {
        const parsed = Number(value);
        if (!Number.isSafeInteger(parsed)) throw new RangeError('int8 value exceeds the safe integer range');
        return parsed;
      };
    }
    return pg.types.getTypeParser(oid, format);
  }) as pg.CustomTypesConfig['getTypeParser'],
};

/** Column names are snake_case in SQL and camelCase in TypeScript (as in schema.generated.ts). */
function createKysely(pool: pg.Pool): Kysely<DB> {
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
}

export const pgliteExtensions = { btree_gist, pg_trgm, pgcrypto, unaccent };

export interface OpenPgliteOptions {
  /**
   * A data folder dumped by `dumpDataDir` (a migrated empty database) to start a new database from, instead of
   * running initdb and every migration again. Only for a new database: PGlite ignores it for an existing one.
   */
  template?: Blob;
}

export async function openPglite(
  dataDir: string | undefined,
  options: OpenPgliteOptions = {},
): Promise<PGlite> {
  return PGlite.create({
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(options.template === undefined ? {} : { loadDataDir: options.template }),
    extensions: pgliteExtensions,
  });
}

/** Wraps an open PGlite in the shared pool/Kysely pair. The caller's close() also closes PGlite. */
export function databaseFromPglite(pglite: PGlite): TandemDatabase {
  const pool = new pg.Pool({ ...createPgConfig(pglite), types: typeParsers } as pg.PoolConfig);
  const db = createKysely(pool);
  return {
    kind: 'pglite',
    db,
    pool,
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function databaseFromUrl(
  connectionString: string,
  options: { maxConnections?: number } = {},
): TandemDatabase {
  const pool = new pg.Pool({
    connectionString,
    max: options.maxConnections ?? 10,
    types: typeParsers,
    connectionTimeoutMillis: 5000,
  });
  // An idle client losing its server must not crash the process; the next query reports the failure.
  pool.on('error', () => {});
  const db = createKysely(pool);
  return {
    kind: 'postgres',
    db,
    pool,
    async close() {
      await db.destroy();
      // Kysely ends the pool only if it ever ran a query; work done on the pool alone (migrations) must not
      // leave its connections open.
      if (!pool.ended) await pool.end();
    },
  };
}
