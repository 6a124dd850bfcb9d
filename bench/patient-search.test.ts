import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dropOneLetter, percentile, seededRandom, shuffle } from './search-queries.ts';

const runScript = fileURLToPath(new URL('./run.ts', import.meta.url));

describe('search-queries helpers', () => {
  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
  });

  it('drops one inner letter of a long enough word, and shuffles the same way for the same seed', () => {
    const random = seededRandom(1);
    for (let attempt = 0; attempt < 20; attempt++) {
      const slip = dropOneLetter('nguyen', random);
      expect(slip).toHaveLength(5);
      expect(slip[0]).toBe('n');
      expect(slip.at(-1)).toBe('n');
    }
    expect(dropOneLetter('ana', random)).toBe('ana');
    const items = Array.from({ length: 30 }, (_, index) => index);
    expect(shuffle(items, seededRandom(3))).toEqual(shuffle(items, seededRandom(3)));
    expect([...shuffle(items, seededRandom(3))].sort((a, b) => a - b)).toEqual(items);
  });
});

describe('bench/run.ts patient-search', () => {
  it('ends a tiny run with figures per query kind and p95 ratios', async () => {
    const { DATABASE_URL: _ignored, ...environment } = process.env;
    const child = spawn(
      process.execPath,
      [runScript, 'patient-search', '--patients', '400', '--rounds', '1'],
      {
        env: environment,
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
    expect(result.name).toBe('patient-search');
    expect(result.params.patients).toBe(400);
    expect(result.figures.p95_ms_pglite).toBeGreaterThan(0);
    expect(result.figures.pglite.p95Ms).toBe(result.figures.p95_ms_pglite);
    for (const kind of [
      'name-typo',
      'name-unaccented',
      'mrn',
      'date-of-birth',
      'filter-setting-level',
      'list',
    ]) {
      expect(result.figures.pglite[`${kind}.count`], kind).toBeGreaterThan(0);
    }
    // Record numbers and birth dates always find their patient.
    expect(result.figures.pglite['mrn.foundShare']).toBe(1);
    expect(result.figures.pglite['date-of-birth.foundShare']).toBe(1);
    expect(result.ratios.pgliteP95ToTarget).toBeCloseTo(result.figures.p95_ms_pglite / 150, 2);
    expect(result.notes).toContain('postgres leg skipped: DATABASE_URL is unset');
  }, 120_000);
});
