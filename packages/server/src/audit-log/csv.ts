import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { AuditLogEntry } from './schemas.ts';

/** The export's columns, in order: header and how each is read from an entry. */
const columns: readonly [string, (entry: AuditLogEntry) => string | number | null][] = [
  ['sequence', (entry) => entry.sequence],
  ['occurred_at', (entry) => entry.occurredAt],
  ['user_id', (entry) => entry.actor.userId],
  ['user_name', (entry) => entry.actor.name],
  ['user_role', (entry) => entry.actor.role],
  ['patient_id', (entry) => entry.patient?.id ?? null],
  ['patient_name', (entry) => entry.patient?.name ?? null],
  ['patient_mrn', (entry) => entry.patient?.mrn ?? null],
  ['action', (entry) => entry.action],
  ['resource_type', (entry) => entry.resourceType],
  ['resource_id', (entry) => entry.resourceId],
  ['fields_changed', (entry) => entry.fieldsChanged?.join(' ') ?? null],
  ['outcome', (entry) => entry.outcome],
  ['reason', (entry) => entry.reason],
  ['ip_address', (entry) => entry.ipAddress],
  ['user_agent', (entry) => entry.userAgent],
  ['event_id', (entry) => entry.id],
];

/**
 * Audit entries as RFC 4180 CSV (CRLF line ends, fields quoted when they hold a comma, quote or line break),
 * streamed as they are read. Spreadsheet formula injection is defused: a cell that starts with = + - @ tab or
 * carriage return is prefixed with a single quote, so a user agent or reason crafted as a formula stays text.
 * A byte order mark lets spreadsheet programs read the names as UTF-8.
 */
export function auditEventsCsv(entries: AsyncIterable<AuditLogEntry>): Readable {
  const csv = stringify({
    bom: true,
    header: true,
    columns: columns.map(([header]) => header),
    record_delimiter: 'windows',
    escape_formulas: true,
  });
  const rows = Readable.from(
    (async function* () {
      for await (const entry of entries) yield columns.map(([, read]) => read(entry));
    })(),
  );
  rows.once('error', (error) => csv.destroy(error));
  return rows.pipe(csv);
}

/** A download name that says what and when, and nothing about whom. */
export function auditExportFileName(now: Date): string {
  return `audit-events-${now.toISOString().slice(0, 19).replaceAll(':', '-')}Z.csv`;
}
