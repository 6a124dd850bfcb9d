/**
 * Patient search on a large program: 100,000 synthetic patients (`tandem generate`: episodes of care, primary
 * therapists and all) in a fresh database, then a realistic mix of searches through the HTTP API as the signed-in
 * demo clinician, one at a time, each timed from request to parsed response. Reported per database: p50, p95 and
 * p99 latency over the whole mix and per kind of query, and the p95 as a ratio of the targets (50 ms on
 * PostgreSQL, 150 ms on PGlite) and of a baseline measured in the same run: reading one patient record by id
 * (`GET /api/patients/:id`, a primary-key fetch through the same stack, session, policy and audit included).
 */
import os from 'node:os';
import { generatePatients } from '@tandem/server/generate/generate-patients';
import { round } from './api-overhead.ts';
import { forEachLeg, type Leg, signInAsClinician, withBenchTandem } from './bench-tandem.ts';
import { percentile, type SearchQuery, searchQueryMix, seededRandom, shuffle } from './search-queries.ts';
import type { BenchOptions, BenchResult } from './types.ts';

/** The targets for the p95 of patient search on 100,000 patients. */
export const p95TargetMs: Record<Leg, number> = { postgres: 50, pglite: 150 };

interface LegResult {
  figures: Record<string, number>;
  p95Ms: number;
  baselineP95Ms: number;
  generateSeconds: number;
}

export async function patientSearch(options: BenchOptions): Promise<BenchResult> {
  const patients = options.patients ?? 100_000;
  const figures: BenchResult['figures'] = {};
  const ratios: BenchResult['ratios'] = {};
  const notes = [
    `${os.availableParallelism()} CPUs shared by the server, the benchmark client and PostgreSQL; node ${process.version}`,
    'one request at a time (latency, not throughput); every search is an audited read of the list',
  ];
  const record = (leg: Leg, result: LegResult) => {
    figures[leg] = result.figures;
    figures[`p95_ms_${leg}`] = result.p95Ms;
    ratios[`${leg}P95ToTarget`] = round(result.p95Ms / p95TargetMs[leg], 3);
    ratios[`${leg}P95ToRecordFetch`] = round(result.p95Ms / result.baselineP95Ms, 3);
    options.log(
      `${leg}: p95 ${result.p95Ms} ms (target ${p95TargetMs[leg]} ms) ${JSON.stringify(result.figures)}`,
    );
  };
  await forEachLeg(options, notes, async (leg, databaseUrl) =>
    record(leg, await measureLeg(leg, databaseUrl, patients, options)),
  );
  return {
    name: 'patient-search',
    params: { patients, rounds: options.rounds, warmup: options.warmupSeconds },
    figures,
    ratios,
    notes,
  };
}

async function measureLeg(
  leg: Leg,
  databaseUrl: string | undefined,
  patients: number,
  options: BenchOptions,
): Promise<LegResult> {
  return withBenchTandem(databaseUrl, async (tandem) => {
    options.log(`${leg}: generating ${patients} synthetic patients…`);
    const generateStarted = performance.now();
    await generatePatients(tandem.database.db, { count: patients, seed: 2026 });
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    options.log(`${leg}: generated in ${generateSeconds.toFixed(1)} s`);

    const cookie = await signInAsClinician(tandem.url);
    const mix = await searchQueryMix(tandem.database.db, { seed: 7, perKind: 40 });
    const request = async (query: SearchQuery): Promise<{ ms: number; found: boolean }> => {
      const started = performance.now();
      const response = await fetch(`${tandem.url}${query.path}`, {
        method: query.body === undefined ? 'GET' : 'POST',
        headers: {
          cookie,
          ...(query.body === undefined ? {} : { 'content-type': 'application/json', 'x-tandem-csrf': '1' }),
        },
        ...(query.body === undefined ? {} : { body: JSON.stringify(query.body) }),
      });
      const body = (await response.json()) as { items?: { id: string }[]; id?: string };
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`${query.kind} answered ${response.status}`);
      const ids = body.items?.map((item) => item.id) ?? (body.id === undefined ? [] : [body.id]);
      return { ms, found: query.expects === undefined ? ids.length > 0 : ids.includes(query.expects) };
    };

    // Warm up (plans, caches, the session cache), then alternate rounds of the mix in a shuffled order.
    for (const query of mix) await request(query);
    const latencies = new Map<string, number[]>();
    const found = new Map<string, number>();
    for (let round = 0; round < options.rounds; round++) {
      options.log(`${leg}: round ${round + 1}/${options.rounds}, ${mix.length} requests…`);
      for (const query of shuffle(mix, seededRandom(round + 1))) {
        const { ms, found: hit } = await request(query);
        latencies.set(query.kind, [...(latencies.get(query.kind) ?? []), ms]);
        if (round === 0) found.set(query.kind, (found.get(query.kind) ?? 0) + (hit ? 1 : 0));
      }
    }
    const searches = [...latencies].filter(([kind]) => kind !== 'record-fetch').flatMap(([, ms]) => ms);
    const baseline = latencies.get('record-fetch') ?? [];
    const figures: Record<string, number> = {
      patients,
      generateSeconds: round(generateSeconds, 1),
      requests: searches.length,
      p50Ms: round(percentile(searches, 50), 2),
      p95Ms: round(percentile(searches, 95), 2),
      p99Ms: round(percentile(searches, 99), 2),
      recordFetchP50Ms: round(percentile(baseline, 50), 2),
      recordFetchP95Ms: round(percentile(baseline, 95), 2),
    };
    for (const [kind, ms] of latencies) {
      if (kind === 'record-fetch') continue;
      figures[`${kind}.count`] = ms.length;
      figures[`${kind}.p50Ms`] = round(percentile(ms, 50), 2);
      figures[`${kind}.p95Ms`] = round(percentile(ms, 95), 2);
      // The share of the kind's queries that found their patient on the first page (or, for filters, anyone).
      figures[`${kind}.foundShare`] = round((found.get(kind) ?? 0) / (ms.length / options.rounds), 3);
    }
    return {
      figures,
      p95Ms: figures.p95Ms as number,
      baselineP95Ms: figures.recordFetchP95Ms as number,
      generateSeconds,
    };
  });
}
