import { describe, expect, it } from 'vitest';
import { BackupFormatError, migrationMismatch, parseHeader, parseTrailer } from './backup-format.ts';

const header = {
  format: 'tandem-backup',
  formatVersion: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  migrations: ['0001_platform.sql'],
  tables: [{ name: 'organizations', rows: 1 }],
};

describe('parseHeader', () => {
  it('reads a header, sequences defaulting to none', () => {
    expect(parseHeader(JSON.stringify(header))).toEqual({ ...header, sequences: [] });
  });

  it('says why a first line is not a header it can use', () => {
    expect(() => parseHeader(undefined)).toThrow(BackupFormatError);
    expect(() => parseHeader('{"rows": 1}')).toThrow('it is not a Tandem backup');
    expect(() => parseHeader(JSON.stringify({ ...header, formatVersion: 2 }))).toThrow(
      /format version 2, newer than this Tandem reads \(1\)/,
    );
    expect(() => parseHeader(JSON.stringify({ ...header, tables: [{ name: 'x', rows: -1 }] }))).toThrow(
      'its header is damaged',
    );
  });
});

describe('parseTrailer', () => {
  it('accepts only the end marker', () => {
    expect(parseTrailer('{"end":"tandem-backup","rows":3}')).toEqual({ end: 'tandem-backup', rows: 3 });
    expect(() => parseTrailer('{"id": 1}')).toThrow('it does not end where its header says');
    expect(() => parseTrailer(undefined)).toThrow(BackupFormatError);
  });
});

describe('migrationMismatch', () => {
  const current = ['0001_platform.sql', '0002_patients.sql'];

  it('accepts the same migrations', () => {
    expect(migrationMismatch(current, [...current])).toBeUndefined();
  });

  it('tells an older backup from a newer one from a different history', () => {
    expect(migrationMismatch(['0001_platform.sql'], current)).toMatch(/older Tandem .* then upgrade/);
    expect(migrationMismatch([...current, '0003_x.sql'], current)).toMatch(
      /newer Tandem .* upgrade Tandem first/,
    );
    expect(migrationMismatch(['0001_platform.sql', '0002_other.sql'], current)).toMatch(
      /different migrations/,
    );
  });
});
