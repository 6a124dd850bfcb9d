import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const runScript = fileURLToPath(new URL('./run.ts', import.meta.url));

async function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  // PGlite only: without DATABASE_URL the PostgreSQL leg is skipped.
  const { DATABASE_URL: _ignored, ...environment } = process.env;
  const child = spawn(process.execPath, [runScript, ...args], { env: environment });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { code, stdout, stderr };
}

describe('bench/run.ts', () => {
  it('ends a tiny api-overhead run with one JSON line of positive figures', async () => {
    const { code, stdout, stderr } = await runBench([
      'api-overhead',
      '--duration',
      '1',
      '--warmup',
      '0',
      '--connections',
      '2',
      '--load-generator',
      'autocannon',
    ]);
    expect(code, stderr).toBe(0);
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '');
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['name', 'params', 'figures', 'ratios']));
    expect(result.name).toBe('api-overhead');
    expect(result.params).toMatchObject({ duration: 1, connections: 2, warmup: 0 });
    expect(result.notes).toContain('postgres leg skipped: DATABASE_URL is unset');
    const figures = Object.values(result.figures.pglite);
    expect(figures.length).toBeGreaterThan(0);
    for (const figure of figures) expect(figure).toBeGreaterThan(0);
    expect(result.ratios.pglite).toBeGreaterThan(0);
  }, 30_000);

  it('names the available benchmarks when given an unknown one', async () => {
    const { code, stdout, stderr } = await runBench(['no-such-benchmark']);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain("No benchmark named 'no-such-benchmark'");
    expect(stderr).toContain('api-overhead');
  });
});
