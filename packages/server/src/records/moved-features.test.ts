import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const source = join(import.meta.dirname, '..');

/** The source files (tests aside) of the features that write through the record kernel. */
function filesOf(folder: string, only?: RegExp): string[] {
  return readdirSync(join(source, folder))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && (only?.test(name) ?? true))
    .map((name) => `${folder}/${name}`);
}

const moved = [
  ...filesOf('consents'),
  ...filesOf('disclosures'),
  ...filesOf('support-contacts'),
  ...filesOf('matching'),
  ...filesOf('invitations'),
  ...filesOf('patients', /^(registration-|break-glass|patient-search|routes)/),
  ...filesOf('on-duty'),
];

/** What each file breaks of the kernel's rules: transactions, audit appends and the clock are the kernel's. */
function brokenRules(file: string): string[] {
  const text = readFileSync(join(source, file), 'utf8');
  const broken: string[] = [];
  if (/\.transaction\(\)/.test(text)) broken.push('opens a transaction');
  if (/appendAuditEvents/.test(text)) broken.push('appends audit events itself');
  if (/import \{[^}]*\bprogramClock\b[^}]*\} from '\.\.\/consents\/repository\.ts'/.test(text)) {
    broken.push('reads the clock outside the kernel');
  }
  // Routes build the RecordContext; the rest knows nothing of HTTP.
  const isRoute = /routes\.ts$/.test(file);
  const httpImports = [...text.matchAll(/from '\.\.\/http\/([^']+)'/g)].map((match) => match[1]);
  if (!isRoute && httpImports.length > 0) broken.push('imports from http/');
  if (isRoute && /\bwriteAudit\b/.test(text)) broken.push('takes the interim WriteAudit');
  return broken;
}

describe('features on the record kernel', () => {
  it('keeps registration, break-the-glass, patient search, consents, disclosures, support contacts, matching and invitations on the record kernel', () => {
    expect(moved.length).toBeGreaterThan(15);
    const offenders = Object.fromEntries(
      moved.map((file) => [file, brokenRules(file)] as const).filter(([, broken]) => broken.length > 0),
    );
    expect(offenders).toEqual({});
  });
});
