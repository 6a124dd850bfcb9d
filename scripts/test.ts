/**
 * `npm test`: lint, typecheck, generated-code freshness, web build, then every test project. The PostgreSQL
 * leg needs a server (TEST_DATABASE_URL, default the local one) and the browser tests need Chromium: without
 * them the run says plainly what it skipped, and with CI=true a missing one fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const isCi = process.env.CI === 'true';
const testDatabaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const results: { step: string; ok: boolean; seconds: number }[] = [];
const skipped: string[] = [];
/** Failed tests, named in the summary: a CI log is often read from its end. */
const failures: string[] = [];

function run(step: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${step}: ${command} ${args.join(' ')}`);
  const startedAt = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.push({ step, ok, seconds: (performance.now() - startedAt) / 1000 });
  return ok;
}

async function postgresAnswers(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: testDatabaseUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
    const version = Number(rows[0]?.server_version_num ?? 0);
    if (version < 150000) return `PostgreSQL ${version} is older than 15`;
    return undefined;
  } catch (error) {
    return (error as Error).message || 'no answer';
  } finally {
    await client.end().catch(() => {});
  }
}

function finish(): never {
  console.log('\nSummary');
  for (const result of results) {
    console.log(`  ${result.ok ? 'ok  ' : 'FAIL'} ${result.step} (${result.seconds.toFixed(1)} s)`);
  }
  for (const note of skipped) console.log(`  skip ${note}`);
  if (failures.length > 0) console.log('\nFailed tests');
  for (const failure of failures) console.log(`  ✗ ${failure}`);
  process.exit(results.every((result) => result.ok) ? 0 : 1);
}

const steps: [string, string, string[]][] = [
  ['lint', 'biome', ['ci', '.']],
  ['typecheck core', 'tsc', ['-p', 'packages/core']],
  ['typecheck server', 'tsc', ['-p', 'packages/server']],
  ['typecheck web', 'tsc', ['-p', 'packages/web']],
  ['typecheck e2e', 'tsc', ['-p', 'e2e']],
  ['typecheck bench', 'tsc', ['-p', 'bench']],
  ['typecheck scripts', 'tsc', ['-p', '.']],
  ['database types are current', 'node', ['packages/server/scripts/generate-db-types.ts', '--check']],
  ['API types are current', 'node', ['packages/web/scripts/generate-api-types.ts', '--check']],
  ['build web', 'npm', ['run', 'build', '--workspace', '@tandem/web']],
];
for (const [step, command, args] of steps) {
  if (!run(step, command, args)) finish();
}

const legs = ['pglite'];
const postgresProblem = await postgresAnswers();
if (postgresProblem === undefined) legs.push('postgres');
else if (isCi) {
  console.error(
    `\nCI=true and PostgreSQL at ${new URL(testDatabaseUrl).host} cannot be used: ${postgresProblem}`,
  );
  results.push({ step: 'PostgreSQL available', ok: false, seconds: 0 });
  finish();
} else skipped.push(`PostgreSQL leg: ${new URL(testDatabaseUrl).host} cannot be used (${postgresProblem})`);

const projects = ['core', 'web', 'server', 'bench', ...legs.map((leg) => `server:${leg}`)];
if (existsSync(chromiumPath)) projects.push('e2e');
else if (isCi) {
  console.error(`\nCI=true and Chromium is missing at ${chromiumPath}`);
  results.push({ step: 'Chromium available', ok: false, seconds: 0 });
  finish();
} else skipped.push(`browser tests: no Chromium at ${chromiumPath} (apt-get install -y chromium)`);

const report = join(mkdtempSync(join(tmpdir(), 'tandem-test-report-')), 'vitest.json');
run(
  `tests (${projects.join(', ')})`,
  'vitest',
  [
    'run',
    ...projects.flatMap((project) => ['--project', project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
  ],
  { TANDEM_TEST_LEGS: legs.join(','), TEST_DATABASE_URL: testDatabaseUrl, CHROMIUM_PATH: chromiumPath },
);
failures.push(...failedTests(report));
finish();

/** Each failed test of vitest's JSON report: its file, its name and the first line of what failed. */
function failedTests(reportPath: string): string[] {
  if (!existsSync(reportPath)) return [];
  interface Report {
    testResults?: {
      name: string;
      message?: string;
      assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
    }[];
  }
  const parsed = JSON.parse(readFileSync(reportPath, 'utf8')) as Report;
  const root = `${process.cwd()}/`;
  return (parsed.testResults ?? []).flatMap((file) => {
    const name = file.name.replace(root, '');
    const failed = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    if (failed.length === 0 && file.message) return [`${name}: ${file.message.split('\n')[0]}`];
    return failed.map(
      (test) =>
        `${name} > ${test.fullName}: ${(test.failureMessages?.[0] ?? '').split('\n')[0]?.slice(0, 300)}`,
    );
  });
}
