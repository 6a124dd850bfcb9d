import { type FileHandle, open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type pg from 'pg';
import { StartupError } from '../app/startup-error.ts';
import { appendOnlyTables } from '../db/app-role.ts';
import {
  BackupFormatError,
  type BackupHeader,
  isRowLine,
  migrationMismatch,
  parseHeader,
  parseTrailer,
} from './backup-format.ts';
import { quoteIdentifier, quoteLiteral, readTables, type TableInfo } from './catalog.ts';

export interface RestoreSummary {
  file: string;
  tables: number;
  rows: number;
}

export interface RestoreOptions {
  /** Replace whatever the target holds (in the same transaction as the load). */
  force?: boolean;
}

// Rows go to the database in batches: one JSON array parameter per INSERT, bounded in rows and in bytes.
const batchRows = 1000;
const batchChars = 4_000_000;

/**
 * Loads a backup into a migrated database in one transaction: all of it or, on any failure (a damaged file,
 * a schema mismatch, a rejected row), none of it. Each batch is
 * `INSERT ... SELECT ... FROM jsonb_populate_recordset(NULL::table, $1)`: PostgreSQL parses its own text
 * forms back, so every value comes back exactly as it was.
 */
export async function restoreDatabase(
  pool: pg.Pool,
  file: string,
  options: RestoreOptions = {},
): Promise<RestoreSummary> {
  const lines = await openBackupLines(file);
  let client: pg.PoolClient | undefined;
  try {
    const header = parseHeader(await lines.next().catch(notGzip));
    client = await pool.connect();
    await client.query('BEGIN');
    const tables = await checkTarget(client, header, options);
    let total = 0;
    for (const entry of header.tables) {
      const table = tables.get(entry.name) as TableInfo;
      total += await loadTable(client, table, entry.rows, lines);
    }
    const trailer = parseTrailer(await lines.next());
    if (trailer.rows !== total || (await lines.next()) !== undefined) {
      throw new BackupFormatError('it does not end where its header says');
    }
    for (const sequence of header.sequences) {
      await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [
        quoteIdentifier(sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    }
    await client.query('COMMIT');
    // Fresh statistics, so the planner does not treat the restored tables as empty.
    await client.query('ANALYZE').catch(() => {});
    return { file, tables: header.tables.length, rows: total };
  } catch (error) {
    await client?.query('ROLLBACK').catch(() => {});
    throw explain(file, error);
  } finally {
    client?.release();
    lines.close();
  }
}

async function checkTarget(
  client: pg.PoolClient,
  header: BackupHeader,
  options: RestoreOptions,
): Promise<Map<string, TableInfo>> {
  const { rows: migrations } = await client.query<{ name: string }>(
    'SELECT name FROM schema_migrations ORDER BY name',
  );
  const mismatch = migrationMismatch(
    header.migrations,
    migrations.map((row) => row.name),
  );
  if (mismatch !== undefined) throw new StartupError(`Cannot restore: ${mismatch}. Nothing was restored.`);

  const tables = new Map((await readTables(client)).map((table) => [table.name, table]));
  const inBackup = new Set(header.tables.map((table) => table.name));
  const differing = [
    ...[...inBackup].filter((name) => !tables.has(name)),
    ...[...tables.keys()].filter((name) => !inBackup.has(name)),
  ];
  if (differing.length > 0) {
    throw new StartupError(
      `Cannot restore: the backup and this database have different tables (${differing.join(', ')}), although their migrations match. Nothing was restored.`,
    );
  }
  const seen = new Set<string>();
  for (const { name } of header.tables) {
    const late = (tables.get(name)?.references ?? []).filter((referenced) => !seen.has(referenced));
    if (late.length > 0) throw new BackupFormatError(`its table ${name} comes before ${late.join(', ')}`);
    seen.add(name);
  }

  const holdingRows: string[] = [];
  for (const name of tables.keys()) {
    const { rows } = await client.query<{ found: boolean }>(
      `SELECT EXISTS (SELECT FROM ${quoteIdentifier(name)}) AS found`,
    );
    if (rows[0]?.found) holdingRows.push(name);
  }
  if (holdingRows.length > 0) {
    if (!options.force) {
      throw new StartupError(
        `Cannot restore: the target database is not empty (rows in ${holdingRows.join(', ')}). Restore into a new database or data folder, or pass --force to replace everything in it.`,
      );
    }
    // Replacing would destroy an audit trail, which must be kept: deliberately not done even with --force (the
    // trigger would refuse the TRUNCATE anyway; this says why). Whoever really means it drops the database.
    const auditTrails = holdingRows.filter((name) => (appendOnlyTables as readonly string[]).includes(name));
    if (auditTrails.length > 0) {
      throw new StartupError(
        `Cannot restore: the target database holds an audit trail (rows in ${auditTrails.join(', ')}), which Tandem never deletes, not even with --force. Restore into a new database or data folder. Nothing was restored.`,
      );
    }
    await client.query(`TRUNCATE ${[...tables.keys()].map(quoteIdentifier).join(', ')}`);
  }
  // Lets a schema with a cycle of DEFERRABLE foreign keys load in any order; checked again at COMMIT.
  await client.query('SET CONSTRAINTS ALL DEFERRED');
  return tables;
}

async function loadTable(
  client: pg.PoolClient,
  table: TableInfo,
  expected: number,
  lines: BackupLines,
): Promise<number> {
  const insert = insertStatement(table);
  let loaded = 0;
  let batch: string[] = [];
  let batchLength = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    try {
      const result = await client.query(insert, [`[${batch.join(',')}]`]);
      if (result.rowCount !== batch.length) throw new BackupFormatError(`its table ${table.name} is damaged`);
    } catch (error) {
      if (error instanceof BackupFormatError) throw error;
      throw new RowRejectedError(table.name, error);
    }
    loaded += batch.length;
    batch = [];
    batchLength = 0;
  };
  for (let index = 0; index < expected; index++) {
    const line = await lines.next();
    if (line === undefined) throw new BackupFormatError('it ends early');
    if (!isRowLine(line)) throw new BackupFormatError(`its table ${table.name} is damaged`);
    batch.push(line);
    batchLength += line.length;
    if (batch.length >= batchRows || batchLength >= batchChars) await flush();
  }
  await flush();
  return loaded;
}

/** One INSERT per batch, whose only parameter is the batch's rows as a JSON array. */
export function insertStatement(table: TableInfo): string {
  const name = quoteIdentifier(table.name);
  const columns = table.insertableColumns.map(quoteIdentifier).join(', ');
  if (table.jsonColumns.length === 0) {
    return `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
      SELECT ${columns} FROM jsonb_populate_recordset(NULL::${name}, $1::jsonb)`;
  }
  // json and jsonb columns hold their text form (see TableInfo.jsonColumns).
  const values = table.insertableColumns.map((column) => {
    const json = table.jsonColumns.find((candidate) => candidate.name === column);
    return json === undefined
      ? `p.${quoteIdentifier(column)}`
      : `(r.value ->> ${quoteLiteral(column)})::${json.type}`;
  });
  return `INSERT INTO ${name} (${columns}) OVERRIDING SYSTEM VALUE
    SELECT ${values.join(', ')}
    FROM jsonb_array_elements($1::jsonb) AS r(value)
    CROSS JOIN LATERAL jsonb_populate_record(NULL::${name}, r.value) AS p`;
}

class RowRejectedError extends Error {
  readonly table: string;
  constructor(table: string, cause: unknown) {
    super((cause as Error).message, { cause });
    this.table = table;
  }
}

interface BackupLines {
  /** The next line, or undefined at the end of the file. Throws when the file cannot be read or unzipped. */
  next(): Promise<string | undefined>;
  close(): void;
}

async function openBackupLines(file: string): Promise<BackupLines> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(`Cannot read the backup file ${file} (${code}).`, { cause: error });
  }
  const gunzip = createGunzip();
  const reading = pipeline(handle.createReadStream(), gunzip);
  // A read or unzip failure reaches the line iterator through gunzip; this keeps it from going unhandled.
  reading.catch(() => {});
  const reader = createInterface({ input: gunzip, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = reader[Symbol.asyncIterator]();
  return {
    async next() {
      const result = await iterator.next();
      return result.done ? undefined : result.value;
    },
    close() {
      reader.close();
      gunzip.destroy();
    },
  };
}

function notGzip(error: unknown): never {
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    throw new BackupFormatError('it is not a Tandem backup (not a gzip file)');
  }
  throw error;
}

/** Every failure becomes one line that says what happened and that the target was left as it was. */
function explain(file: string, error: unknown): Error {
  if (error instanceof StartupError) return error;
  if (error instanceof BackupFormatError) {
    return new StartupError(`Cannot restore ${file}: ${error.message}. Nothing was restored.`, {
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException).code;
  if (typeof code === 'string' && code.startsWith('Z_')) {
    return new StartupError(
      `Cannot restore ${file}: it is damaged or cut short (${(error as Error).message}). Nothing was restored.`,
      { cause: error },
    );
  }
  if (error instanceof RowRejectedError) {
    return new StartupError(
      `Cannot restore ${file}: table ${error.table} rejected its rows (${error.message}). Nothing was restored.`,
      { cause: error },
    );
  }
  return error as Error;
}
