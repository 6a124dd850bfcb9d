import { z } from 'zod';

/**
 * A Tandem backup is a gzip file of JSON lines:
 *   1. the header (below): which migrations made the schema, and each table with its row count, in the order
 *      the rows follow (foreign-key order, so a restore can insert as it reads);
 *   2. each table's rows, one `to_jsonb(row)` per line, ordered by primary key; json and jsonb columns hold
 *      their text form as a JSON string (SQL NULL stays null), because in to_jsonb a JSON null and an SQL NULL
 *      look the same;
 *   3. the trailer `{"end":"tandem-backup","rows":<total>}`, so that a file cut short is recognised even when
 *      the cut falls between two lines.
 * Plain JSON of PostgreSQL's own text forms: portable between PGlite and PostgreSQL, and across machines.
 */
export const backupFormat = 'tandem-backup';
export const backupFormatVersion = 1;

const headerSchema = z.object({
  format: z.literal(backupFormat),
  formatVersion: z.number().int(),
  createdAt: z.string(),
  tandemVersion: z.string().optional(),
  source: z.enum(['pglite', 'postgres']).optional(),
  migrations: z.array(z.string()),
  tables: z.array(z.object({ name: z.string().min(1), rows: z.number().int().min(0) })),
  sequences: z
    .array(
      z.object({ name: z.string().min(1), lastValue: z.string().regex(/^-?\d+$/), isCalled: z.boolean() }),
    )
    .default([]),
});

export type BackupHeader = z.infer<typeof headerSchema>;

const trailerSchema = z.object({ end: z.literal(backupFormat), rows: z.number().int().min(0) });

export type BackupTrailer = z.infer<typeof trailerSchema>;

export class BackupFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupFormatError';
  }
}

export function parseHeader(line: string | undefined): BackupHeader {
  const value = parseJson(line);
  if (
    typeof value !== 'object' ||
    value === null ||
    (value as { format?: unknown }).format !== backupFormat
  ) {
    throw new BackupFormatError('it is not a Tandem backup');
  }
  const version = (value as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > backupFormatVersion) {
    throw new BackupFormatError(
      `it has backup format version ${version}, newer than this Tandem reads (${backupFormatVersion}): restore it with a newer Tandem`,
    );
  }
  const parsed = headerSchema.safeParse(value);
  if (!parsed.success || parsed.data.formatVersion !== backupFormatVersion) {
    throw new BackupFormatError('its header is damaged');
  }
  return parsed.data;
}

export function parseTrailer(line: string | undefined): BackupTrailer {
  const parsed = trailerSchema.safeParse(parseJson(line));
  if (!parsed.success) throw new BackupFormatError('it does not end where its header says');
  return parsed.data;
}

/** Rows are passed to the database as they are; this cheap check catches a line that is plainly not a row. */
export function isRowLine(line: string): boolean {
  return line.startsWith('{') && line.endsWith('}');
}

function parseJson(line: string | undefined): unknown {
  if (line === undefined) return undefined;
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}

/**
 * A backup restores only into the schema it was taken from: same migrations, same order. Says what to do
 * when they differ; undefined when they match.
 */
export function migrationMismatch(backup: readonly string[], target: readonly string[]): string | undefined {
  if (backup.length === target.length && backup.every((name, index) => name === target[index]))
    return undefined;
  const backupLatest = backup.at(-1) ?? 'none';
  const targetLatest = target.at(-1) ?? 'none';
  const isPrefix = (short: readonly string[], long: readonly string[]) =>
    short.length < long.length && short.every((name, index) => name === long[index]);
  if (isPrefix(backup, target)) {
    return `the backup was taken with an older Tandem (schema ${backupLatest}, this one is at ${targetLatest}): restore it with that version, then upgrade`;
  }
  if (isPrefix(target, backup)) {
    return `the backup was taken with a newer Tandem (schema ${backupLatest}, this one is at ${targetLatest}): upgrade Tandem first`;
  }
  return `the backup's schema (${backupLatest}) is not this Tandem's (${targetLatest}): they have different migrations`;
}
