import type pg from 'pg';

/**
 * What a backup needs to know about the schema, read from the PostgreSQL catalog so that a new migration is
 * backed up without anyone remembering to list its tables. Everything lives in the current schema.
 */
export interface TableInfo {
  name: string;
  /** Primary-key columns, in key order; empty when the table has none (rows are then ordered by all columns). */
  primaryKey: string[];
  /** Columns a restore writes: every column except generated ones, which the database computes again. */
  insertableColumns: string[];
  /**
   * json and jsonb columns. The backup stores their text form as a JSON string: in `to_jsonb(row)` a JSON
   * null and an SQL NULL look the same, and json would lose its exact text.
   */
  jsonColumns: { name: string; type: 'json' | 'jsonb' }[];
  /** Tables this table's foreign keys point at (itself excluded). */
  references: string[];
}

/** Migration bookkeeping: the backup header carries its names instead of its rows. */
export const migrationsTable = 'schema_migrations';

type Queryable = Pick<pg.PoolClient, 'query'>;

export async function readTables(client: Queryable): Promise<TableInfo[]> {
  const { rows } = await client.query<{
    name: string;
    primary_key: string[] | null;
    insertable_columns: string[];
    json_columns: { name: string; type: 'json' | 'jsonb' }[] | null;
    references: string[] | null;
  }>(
    `
    SELECT c.relname::text AS name,
      (SELECT array_agg(a.attname::text ORDER BY k.ordinality)
         FROM pg_index i
         CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality)
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
        WHERE i.indrelid = c.oid AND i.indisprimary) AS primary_key,
      (SELECT array_agg(a.attname::text ORDER BY a.attnum)
         FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '')
        AS insertable_columns,
      (SELECT json_agg(json_build_object('name', a.attname::text, 'type', format_type(a.atttypid, NULL))
                       ORDER BY a.attnum)
         FROM pg_attribute a
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
          AND a.atttypid IN ('json'::regtype, 'jsonb'::regtype)) AS json_columns,
      (SELECT array_agg(DISTINCT r.relname::text ORDER BY r.relname::text)
         FROM pg_constraint f JOIN pg_class r ON r.oid = f.confrelid
        WHERE f.conrelid = c.oid AND f.contype = 'f' AND f.confrelid <> c.oid) AS references
    FROM pg_class c
    WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
      AND c.relname <> $1
    ORDER BY c.relname`,
    [migrationsTable],
  );
  return foreignKeyOrder(
    rows.map((row) => ({
      name: row.name,
      primaryKey: row.primary_key ?? [],
      insertableColumns: row.insertable_columns,
      jsonColumns: row.json_columns ?? [],
      references: row.references ?? [],
    })),
  );
}

/**
 * Orders tables so that every table comes after the tables it references, ties by name: the order a restore
 * inserts in. A cycle of foreign keys has no such order; the schema must then make one of them DEFERRABLE,
 * and the restore defers them.
 */
export function foreignKeyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: TableInfo) => {
    const current = state.get(table.name);
    if (current === 'done' || current === 'visiting') return;
    state.set(table.name, 'visiting');
    for (const name of [...table.references].sort()) {
      const referenced = byName.get(name);
      if (referenced !== undefined) visit(referenced);
    }
    state.set(table.name, 'done');
    ordered.push(table);
  };
  for (const table of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(table);
  return ordered;
}

export interface SequenceState {
  name: string;
  /** int8 as text: a sequence may pass the range of exact JavaScript numbers. */
  lastValue: string;
  isCalled: boolean;
}

/** Sequences (identity and serial columns) are not rows: a restore sets them to where the backup left them. */
export async function readSequences(client: Queryable): Promise<SequenceState[]> {
  const { rows: sequences } = await client.query<{ name: string }>(
    `SELECT relname::text AS name FROM pg_class
      WHERE relnamespace = current_schema()::regnamespace AND relkind = 'S' ORDER BY relname`,
  );
  const states: SequenceState[] = [];
  for (const { name } of sequences) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM ${quoteIdentifier(name)}`,
    );
    const row = rows[0];
    if (row !== undefined) {
      states.push({ name, lastValue: row.last_value, isCalled: row.is_called });
    }
  }
  return states;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}
