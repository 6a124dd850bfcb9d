import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
// Vite (vitest's peer) carries the oxc parser, which reads TypeScript; TypeScript 7 itself has no JavaScript API.
import { parseSync, Visitor } from 'vite';
import { describe, expect, it } from 'vitest';

/**
 * The record kernel's rules, read from the server's source (parsed, not type-checked): services know nothing of
 * HTTP, only the kernel opens transactions, and only the kernel and the audit module append audit events.
 */

type Rule = 'imports-http' | 'opens-transaction' | 'appends-audit-events';

const rules: Record<Rule, string> = {
  'imports-http': 'a service imports from ../http/ or fastify (it takes a RecordContext, built by the route)',
  'opens-transaction': 'opens a transaction (only records/unit-of-work.ts does: records.write)',
  'appends-audit-events': 'calls appendAuditEvents (a unit of work audits: audit({...}) in records.write)',
};

/** Where a rule does not apply, and why. Paths relative to packages/server/src; a folder ends in '/'. */
const exceptions: Record<Rule, Record<string, string>> = {
  'imports-http': {},
  'opens-transaction': {
    'records/unit-of-work.ts': 'the kernel: the one write path',
    'testing/': 'test helpers write fixtures directly, under no principal',
    'demo/': 'seeds the demo organization before anyone can sign in to it',
    'generate/': 'bulk synthetic patients for benchmarks, written in batches',
    'audit/verify.ts': 'one REPEATABLE READ snapshot to re-hash the chains; it writes nothing',
  },
  'appends-audit-events': {
    'records/': 'the kernel appends what a unit of work audited',
    'audit/': 'the audit trail itself (the repository and the read-audit writer)',
    'testing/': 'test helpers forge and tamper with the trail to prove that verification catches it',
  },
};

/**
 * Files of features not yet moved onto the kernel, with the rules each still breaks. This list must shrink to
 * empty: remove a file's entry when it moves (the test fails while an entry names a rule the file no longer breaks,
 * so the list cannot go stale).
 */
const stillMoving: Record<string, readonly Rule[]> = {};

const sourceRoot = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    const isSource = entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts');
    // Tests set up and inspect state directly; the rules are about what the product does.
    return isSource && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const isService = (file: string) => /(^|\/|-)service\.ts$/.test(file);
const isHttpModule = (specifier: string) =>
  /^(\.\.\/)+http\//.test(specifier) || /^(fastify|@fastify\/)/.test(specifier);

/** The rules a file breaks, from its parsed source. */
function violationsOf(file: string, source: string): Set<Rule> {
  const parsed = parseSync(file, source);
  if (parsed.errors.length > 0) throw new Error(`${file} does not parse: ${parsed.errors[0]?.message}`);
  const found = new Set<Rule>();
  if (isService(file) && parsed.module.staticImports.some((i) => isHttpModule(i.moduleRequest.value))) {
    found.add('imports-http');
  }
  new Visitor({
    CallExpression(call) {
      const callee = call.callee;
      const name =
        callee.type === 'Identifier'
          ? callee.name
          : callee.type === 'MemberExpression' && callee.property.type === 'Identifier'
            ? callee.property.name
            : undefined;
      // Kysely's db.transaction() takes no argument (a kernel method that takes the work is not this).
      if (callee.type === 'MemberExpression' && name === 'transaction' && call.arguments.length === 0) {
        found.add('opens-transaction');
      }
      if (name === 'appendAuditEvents') found.add('appends-audit-events');
    },
  }).visit(parsed.program);
  return found;
}

const excepted = (rule: Rule, file: string) =>
  Object.keys(exceptions[rule]).some((place) =>
    place.endsWith('/') ? file.startsWith(place) : file === place,
  );

function checkTree(
  files: ReadonlyMap<string, string>,
  moving: Record<string, readonly Rule[]> = stillMoving,
) {
  const breaking: string[] = [];
  const stale: string[] = [];
  for (const [file, source] of files) {
    const found = violationsOf(file, source);
    const allowed = moving[file] ?? [];
    for (const rule of found) {
      if (!excepted(rule, file) && !allowed.includes(rule)) breaking.push(`${file}: ${rules[rule]}`);
    }
    for (const rule of allowed) {
      if (!found.has(rule)) stale.push(`${file} no longer ${rule}: take it out of stillMoving`);
    }
  }
  for (const file of Object.keys(moving)) {
    if (!files.has(file)) stale.push(`${file} is gone: take it out of stillMoving`);
  }
  return { breaking, stale };
}

const tree = new Map(
  sourceFiles(sourceRoot).map((path) => [
    relative(sourceRoot, path).split(sep).join('/'),
    readFileSync(path, 'utf8'),
  ]),
);

const checked = checkTree(tree);

describe('the record kernel architecture', () => {
  it('holds in the server source: no service speaks HTTP, only the kernel opens transactions and appends audit events', () => {
    expect(tree.size).toBeGreaterThan(100);
    expect(checked.breaking).toEqual([]);
  });

  it('keeps no file in stillMoving that has moved', () => {
    expect(checked.stale).toEqual([]);
  });

  it('catches a service that imports from http, a transaction outside the kernel and an audit append', () => {
    const planted = new Map(tree);
    planted.set(
      'staff/service.ts',
      `import type { WriteAudit } from '../http/authorization.ts';\n${tree.get('staff/service.ts')}`,
    );
    planted.set(
      'staff/repository.ts',
      `${tree.get('staff/repository.ts')}\nawait db.transaction().execute(work);`,
    );
    planted.set(
      'audit-log/break-glass-review.ts',
      `${tree.get('audit-log/break-glass-review.ts')}\nawait appendAuditEvents(trx, organizationId, []);`,
    );
    planted.set('auth/security-service.ts', `import type { FastifyRequest } from 'fastify';\nexport {};`);
    expect(checkTree(planted).breaking.sort()).toEqual(
      [
        `audit-log/break-glass-review.ts: ${rules['appends-audit-events']}`,
        `auth/security-service.ts: ${rules['imports-http']}`,
        `staff/repository.ts: ${rules['opens-transaction']}`,
        `staff/service.ts: ${rules['imports-http']}`,
      ].sort(),
    );
  });

  it('has moved every feature onto the kernel', () => {
    expect(stillMoving).toEqual({});
  });

  it('tells a stillMoving entry that has moved, or whose file is gone', () => {
    const moving: Record<string, readonly Rule[]> = {
      'invitations/service.ts': ['opens-transaction', 'appends-audit-events'],
      'invitations/invitation-audit.ts': ['appends-audit-events'],
    };
    expect(checkTree(tree, moving).stale).toEqual([
      'invitations/service.ts no longer opens-transaction: take it out of stillMoving',
      'invitations/service.ts no longer appends-audit-events: take it out of stillMoving',
      'invitations/invitation-audit.ts is gone: take it out of stillMoving',
    ]);
  });

  it('allows a stillMoving entry the rules it names while it moves', () => {
    const planted = new Map(tree);
    planted.set('invitations/service.ts', 'await db.transaction().execute(work);');
    expect(checkTree(planted).breaking).toEqual([`invitations/service.ts: ${rules['opens-transaction']}`]);
    expect(checkTree(planted, { 'invitations/service.ts': ['opens-transaction'] }).breaking).toEqual([]);
  });
});
