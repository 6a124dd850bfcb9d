import type pg from 'pg';

/**
 * Every table's rows as `to_jsonb` text, ordered by primary key: what "the same data" means when a test
 * compares two databases. Written apart from the backup code on purpose, so that it can catch that code out.
 */
export type TableSnapshot = Record<string, string[]>;

export async function snapshotTables(pool: pg.Pool): Promise<TableSnapshot> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    await client.query(`SET LOCAL TimeZone = 'UTC'`);
    const { rows: tables } = await client.query<{ name: string; key: string }>(`
      SELECT t.tablename::text AS name,
        (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey::int2[], a.attnum))
           FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
          WHERE i.indrelid = format('%I', t.tablename)::regclass AND i.indisprimary) AS key
      FROM pg_tables t
      WHERE t.schemaname = current_schema() AND t.tablename <> 'schema_migrations'
      ORDER BY t.tablename`);
    const snapshot: TableSnapshot = {};
    for (const table of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT to_jsonb(t)::text AS row FROM ${quote(table.name)} t ORDER BY ${table.key ?? 'to_jsonb(t)::text'}`,
      );
      snapshot[table.name] = rows.map((row) => row.row);
    }
    return snapshot;
  } finally {
    await client.query('ROLLBACK').catch(() => {});
    client.release();
  }
}

export function rowCounts(snapshot: TableSnapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).map(([name, rows]) => [name, rows.length]));
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
