/**
 * `npm run bench -- <name> [--duration s] [--connections n] [--warmup s]`: runs one benchmark, prints progress
 * on stderr and, as the last line on stdout, one JSON object {name, params, figures, ratios, notes}.
 */
import { parseArgs } from 'node:util';
import { apiOverhead } from './api-overhead.ts';
import { patientSearch } from './patient-search.ts';
import { policyOverhead } from './policy-overhead.ts';
import { portalBundle } from './portal-bundle.ts';
import type { Benchmark } from './types.ts';
import { wrkAvailable } from './wrk-load.ts';

const benchmarks: Record<string, Benchmark> = {
  'api-overhead': apiOverhead,
  'patient-search': patientSearch,
  'policy-overhead': policyOverhead,
  'portal-bundle': portalBundle,
};

function usage(problem: string): never {
  process.stderr.write(
    `${problem}\nUsage: npm run bench -- <name> [--duration seconds] [--connections n] [--warmup seconds] [--rounds n] [--load-generator wrk|autocannon] [--patients n] [--leg postgres|pglite]\n` +
      `Benchmarks: ${Object.keys(benchmarks).join(', ')}\n`,
  );
  process.exit(2);
}

function wholeNumber(flag: string, raw: string | undefined, fallback: number, minimum = 1): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) usage(`--${flag} must be a whole number >= ${minimum}`);
  return value;
}

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        duration: { type: 'string' },
        connections: { type: 'string' },
        warmup: { type: 'string' },
        rounds: { type: 'string' },
        'load-generator': { type: 'string' },
        patients: { type: 'string' },
        leg: { type: 'string' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    return usage((error as Error).message);
  }
}

const parsed = parseCommandLine();

const [name] = parsed.positionals;
const benchmark = name === undefined ? undefined : benchmarks[name];
if (benchmark === undefined)
  usage(name === undefined ? 'Name a benchmark.' : `No benchmark named '${name}'.`);

const durationSeconds = wholeNumber('duration', parsed.values.duration, 10);
const requestedGenerator = parsed.values['load-generator'];
if (requestedGenerator !== undefined && requestedGenerator !== 'wrk' && requestedGenerator !== 'autocannon') {
  usage('--load-generator is wrk or autocannon');
}
const onlyLeg = parsed.values.leg;
if (onlyLeg !== undefined && onlyLeg !== 'postgres' && onlyLeg !== 'pglite')
  usage('--leg is postgres or pglite');
const loadGenerator = requestedGenerator ?? (wrkAvailable() ? 'wrk' : 'autocannon');
if (loadGenerator === 'wrk' && !wrkAvailable()) usage('wrk is not installed (apt-get install -y wrk)');
const result = await benchmark({
  durationSeconds,
  connections: wholeNumber('connections', parsed.values.connections, 10),
  ...(parsed.values.connections !== undefined && { connectionsChosen: true }),
  rounds: wholeNumber('rounds', parsed.values.rounds, Math.min(5, durationSeconds)),
  warmupSeconds: wholeNumber('warmup', parsed.values.warmup, Math.min(3, durationSeconds), 0),
  loadGenerator,
  ...(parsed.values.patients === undefined
    ? {}
    : { patients: wholeNumber('patients', parsed.values.patients, 100_000) }),
  databaseUrl: process.env.DATABASE_URL || undefined,
  ...(onlyLeg !== undefined && { onlyLeg }),
  log: (line) => process.stderr.write(`${line}\n`),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
