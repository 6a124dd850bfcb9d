/**
 * The message catalogues, web app and server alike: `extract` writes each one's English (messages/en.json) from
 * the ids and defaultMessages in the code and drops translations nobody uses; `check` fails when a message has no
 * translation, a translation is unused or stale, or a message is not valid ICU. The web build runs `check`, so a
 * build fails on any of these. Usage: node packages/web/scripts/messages.ts extract|check
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type CatalogueProblem,
  checkCatalogue,
  describeProblem,
  type SourceCatalogue,
  type TranslatedCatalogue,
} from './catalogue-check.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const formatjs = join(root, 'node_modules/.bin/formatjs');

export interface Catalogue {
  name: string;
  /** Where the code that says the messages lives. */
  sources: string[];
  /** Where en.json and the translations live. */
  directory: string;
  translations: string[];
}

export const catalogues: Catalogue[] = [
  {
    name: 'web',
    sources: ['packages/web/src/**/*.ts', 'packages/web/src/**/*.tsx'],
    directory: 'packages/web/src/i18n/messages',
    translations: ['es'],
  },
  {
    name: 'server',
    // Core's error messages are plain data the server formats (core's errors/define-messages.ts).
    sources: ['packages/server/src/**/*.ts', 'packages/core/src/**/*.ts'],
    directory: 'packages/server/src/i18n/messages',
    translations: ['es'],
  },
];

const sortedJson = (value: Record<string, unknown>) =>
  `${JSON.stringify(Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b))), null, 2)}\n`;

/** What the code says now, read by `formatjs extract` (tests and generated files excluded). */
export function extractSource(catalogue: Catalogue, cwd = root): SourceCatalogue {
  const scratch = mkdtempSync(join(tmpdir(), 'tandem-messages-'));
  try {
    const outFile = join(scratch, 'en.json');
    const result = spawnSync(
      formatjs,
      [
        'extract',
        ...catalogue.sources,
        '--ignore',
        '**/*.test.ts',
        '**/*.test.tsx',
        '**/*.d.ts',
        '**/*.generated.ts',
        '--out-file',
        outFile,
        '--throws',
      ],
      { cwd, encoding: 'utf8' },
    );
    if (result.status !== 0) throw new Error(`formatjs extract failed:\n${result.stderr}${result.stdout}`);
    return JSON.parse(readFileSync(outFile, 'utf8')) as SourceCatalogue;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function readJson<T>(path: string, fallback: T): T {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/** Every problem of one catalogue: the committed English out of date with the code, then each translation's. */
export function catalogueProblems(catalogue: Catalogue, cwd = root): string[] {
  const source = extractSource(catalogue, cwd);
  const committed = readJson<SourceCatalogue>(join(cwd, catalogue.directory, 'en.json'), {});
  const problems: string[] = [];
  if (sortedJson(committed) !== sortedJson(source)) {
    problems.push(`${catalogue.directory}/en.json is not what the code says: run npm run messages:extract`);
  }
  for (const language of catalogue.translations) {
    const translated = readJson<TranslatedCatalogue>(join(cwd, catalogue.directory, `${language}.json`), {});
    problems.push(
      ...checkCatalogue(source, translated).map(
        (problem: CatalogueProblem) => `${catalogue.directory}/${language}.json: ${describeProblem(problem)}`,
      ),
    );
  }
  return problems;
}

function extract(catalogue: Catalogue): void {
  const source = extractSource(catalogue);
  writeFileSync(join(root, catalogue.directory, 'en.json'), sortedJson(source));
  for (const language of catalogue.translations) {
    const path = join(root, catalogue.directory, `${language}.json`);
    const translated = readJson<TranslatedCatalogue>(path, {});
    const kept = Object.fromEntries(Object.entries(translated).filter(([id]) => id in source));
    writeFileSync(path, sortedJson(kept));
    const problems = checkCatalogue(source, kept);
    console.log(
      `${catalogue.name}: ${Object.keys(source).length} messages; ${language}: ${problems.length} to do`,
    );
    for (const problem of problems) console.log(`  ${describeProblem(problem)}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const command = process.argv[2];
  if (command === 'extract') {
    for (const catalogue of catalogues) extract(catalogue);
  } else if (command === 'check') {
    const problems = catalogues.flatMap((catalogue) => catalogueProblems(catalogue));
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) {
      console.error(`\n${problems.length} problems in the message catalogues`);
      process.exit(1);
    }
    console.log('Message catalogues match the code');
  } else {
    console.error('Usage: node packages/web/scripts/messages.ts extract|check');
    process.exit(2);
  }
}
