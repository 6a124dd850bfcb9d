import { once } from 'node:events';
import { type FileHandle, open, rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip, type Gzip } from 'node:zlib';
import type pg from 'pg';
import { StartupError } from '../app/startup-error.ts';
import type { DatabaseKind } from '../db/database.ts';
import { type BackupHeader, backupFormat, backupFormatVersion } from './backup-format.ts';
import { quoteIdentifier, quoteLiteral, readSequences, readTables, type TableInfo } from './catalog.ts';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
}

const fetchSize = 2000;

/**
 * Writes every table to `file` from one REPEATABLE READ snapshot: the backup is consistent even while Tandem
 * keeps writing (on PostgreSQL; the embedded database has a single user, so Tandem is stopped meanwhile).
 * The file appears under its name only once complete; a failed backup leaves nothing behind.
 */
export async function backupDatabase(
  pool: pg.Pool,
  file: string,
  options: { kind?: DatabaseKind; tandemVersion?: string } = {},
): Promise<BackupSummary> {
  const partial = `${file}.partial`;
  const output = await LineWriter.create(partial, file);
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    const summary = await writeSnapshot(client, output, options);
    await output.close();
    await client.query('COMMIT');
    await rename(partial, file);
    return { file, ...summary };
  } catch (error) {
    await client?.query('ROLLBACK').catch(() => {});
    await output.abort();
    await rm(partial, { force: true });
    throw error;
  } finally {
    client?.release();
  }
}

async function writeSnapshot(
  client: pg.PoolClient,
  output: LineWriter,
  options: { kind?: DatabaseKind; tandemVersion?: string },
): Promise<Omit<BackupSummary, 'file'>> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  // Timestamps in UTC, floats exact, intervals in one style: the same bytes whichever server wrote them.
  await client.query(`SET LOCAL TimeZone = 'UTC'`);
  await client.query('SET LOCAL extra_float_digits = 1');
  await client.query(`SET LOCAL IntervalStyle = 'postgres'`);
  const { rows: migrations } = await client.query<{ name: string }>(
    'SELECT name FROM schema_migrations ORDER BY name',
  );
  const tables = await readTables(client);
  const counts: BackupHeader['tables'] = [];
  for (const table of tables) {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM ${quoteIdentifier(table.name)}`,
    );
    counts.push({ name: table.name, rows: Number(rows[0]?.count ?? 0) });
  }
  const header: BackupHeader = {
    format: backupFormat,
    formatVersion: backupFormatVersion,
    createdAt: new Date().toISOString(),
    ...(options.tandemVersion === undefined ? {} : { tandemVersion: options.tandemVersion }),
    ...(options.kind === undefined ? {} : { source: options.kind }),
    migrations: migrations.map((row) => row.name),
    tables: counts,
    sequences: await readSequences(client),
  };
  await output.writeLine(JSON.stringify(header));
  let total = 0;
  for (const [index, table] of tables.entries()) {
    const written = await writeTableRows(client, table, output);
    // The snapshot makes this impossible; checking it costs nothing and guards the file's promise.
    if (written !== counts[index]?.rows) throw new Error(`Table ${table.name} changed during the backup`);
    total += written;
  }
  await output.writeLine(JSON.stringify({ end: backupFormat, rows: total }));
  return { tables: tables.length, rows: total };
}

/**
 * Tables whose rows check other rows of the same table as each is inserted (a trigger, not a constraint that waits
 * for the statement's end), so that a restore must insert them in the order they were written. A consent amended
 * names the consent it superseded, which its trigger looks up: primary-key order is no such order, since UUIDv7s
 * drawn in one millisecond sort at random (a restore of consents refused its rows once in CI).
 */
const writtenOrder: Readonly<Record<string, string>> = {
  consents: 'organization_id, created_at, signed_record_version, id',
};

async function writeTableRows(client: pg.PoolClient, table: TableInfo, output: LineWriter): Promise<number> {
  const name = quoteIdentifier(table.name);
  const orderBy =
    writtenOrder[table.name] ??
    (table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdentifier).join(', ') : `to_jsonb(t)::text`);
  const row =
    table.jsonColumns.length === 0
      ? 'to_jsonb(t)'
      : `to_jsonb(t) || jsonb_build_object(${table.jsonColumns
          .map((column) => `${quoteLiteral(column.name)}, t.${quoteIdentifier(column.name)}::text`)
          .join(', ')})`;
  const cursor = quoteIdentifier(`backup_${table.name}`);
  await client.query(
    `DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT (${row})::text AS row FROM ${name} t ORDER BY ${orderBy}`,
  );
  let written = 0;
  for (;;) {
    const { rows } = await client.query<{ row: string }>(`FETCH ${fetchSize} FROM ${cursor}`);
    if (rows.length === 0) break;
    await output.writeLine(rows.map((row) => row.row).join('\n'));
    written += rows.length;
  }
  await client.query(`CLOSE ${cursor}`);
  return written;
}

/** A gzip stream into a file, written with back-pressure, flushed to disk on close (mode 0600: it holds PHI). */
class LineWriter {
  private readonly gzip: Gzip;
  private readonly finished: Promise<void>;
  private readonly path: string;

  private constructor(path: string, handle: FileHandle) {
    this.path = path;
    this.gzip = createGzip();
    this.finished = pipeline(this.gzip, handle.createWriteStream());
    // The failure is reported by close() or by the next write; this only keeps it from going unhandled.
    this.finished.catch(() => {});
  }

  static async create(path: string, shownAs: string): Promise<LineWriter> {
    try {
      return new LineWriter(path, await open(path, 'w', 0o600));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new StartupError(`Cannot write the backup file ${shownAs} (${code}). Choose a writable folder.`, {
        cause: error,
      });
    }
  }

  async writeLine(text: string): Promise<void> {
    if (!this.gzip.write(`${text}\n`)) {
      await Promise.race([once(this.gzip, 'drain'), this.finished]);
    }
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.finished;
    const handle = await open(this.path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }

  async abort(): Promise<void> {
    this.gzip.destroy();
    await this.finished.catch(() => {});
  }
}
