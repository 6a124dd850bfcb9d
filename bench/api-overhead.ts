/**
 * How much of the database's speed survives the full stack: requests per second of an authenticated
 * `GET /api/staff/:id` (HTTP, CSRF check, session cache, authorization, zod serialization) against the same
 * durable work done straight through the driver — the one SELECT behind it plus the same audit row, appended by
 * the same batching audit writer and waiting for it as a read's response does (ADR 0003) — at the same
 * concurrency, on PGlite and on PostgreSQL. So the ratio measures the framework, not the audit trail.
 */
import os from 'node:os';
import { createAuditWriter } from '@tandem/server/audit/audit-writer';
import type { NewAuditEvent } from '@tandem/server/audit/repository';
import type pg from 'pg';
import {
  clinicianStaffRecord,
  forEachLeg,
  getJson,
  type Leg,
  signInAsClinician,
  withBenchTandem,
} from './bench-tandem.ts';
import { type HttpThroughput, runHttpLoad, type Throughput } from './load.ts';
import { runConcurrentLoops } from './loops.ts';
import type { BenchOptions, BenchResult } from './types.ts';
import { runWrkLoad } from './wrk-load.ts';

/** The statement staffRepository.findById sends (same columns); checked against the API's answer each run. */
const staffMemberSql = `SELECT id, organization_id, display_name, email, job_role AS role, credentials, license_number,
  license_state, license_expires_on, years_addiction_experience, approaches, languages, pronouns, max_caseload,
  gender, substance_experience::text AS substance_experience, condition_experience, accepts_new_patients, active,
  version
FROM staff_members WHERE organization_id = $1 AND id = $2`;

interface LegMeasurement {
  /** Each figure is the median over the rounds. */
  fullStack: HttpThroughput;
  direct: Throughput;
  /** Median of the per-round ratios of full-stack to direct rate. */
  ratio: number;
  roundRatios: number[];
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

/** The median of every numeric field across rounds. */
export function medianOf<T extends object>(rounds: readonly T[]): T {
  const first = rounds[0];
  if (first === undefined) throw new Error('No rounds were measured');
  return Object.fromEntries(
    Object.keys(first).map((key) => [
      key,
      median(rounds.map((round) => (round as Record<string, number>)[key] ?? 0)),
    ]),
  ) as T;
}

export async function apiOverhead(options: BenchOptions): Promise<BenchResult> {
  const figures: BenchResult['figures'] = {};
  const ratios: BenchResult['ratios'] = {};
  const notes = [
    `${os.availableParallelism()} CPUs shared by the server, the load process and PostgreSQL; node ${process.version}`,
  ];

  const record = (leg: Leg, measured: LegMeasurement) => {
    figures[leg] = {
      ...named('fullStack', measured.fullStack),
      fullStackDbCheckoutsPerRequest: round(measured.fullStack.countedPerRequest, 3),
      loadGeneratorCpuMicrosPerRequest: round(measured.fullStack.loadCpuMicrosPerRequest, 1),
      ...named('direct', measured.direct),
      roundRatioMin: round(Math.min(...measured.roundRatios), 3),
      roundRatioMax: round(Math.max(...measured.roundRatios), 3),
    };
    ratios[leg] = round(measured.ratio, 3);
    options.log(`${leg}: ${JSON.stringify(figures[leg])} ratio ${ratios[leg]}`);
  };

  await forEachLeg(options, notes, async (leg, databaseUrl) =>
    record(leg, await measureLeg(leg, databaseUrl, options)),
  );
  return {
    name: 'api-overhead',
    params: {
      duration: options.durationSeconds,
      connections: options.connections,
      warmup: options.warmupSeconds,
      rounds: options.rounds,
      loadGenerator: options.loadGenerator,
    },
    figures,
    ratios,
    notes,
  };
}

async function measureLeg(
  leg: Leg,
  databaseUrl: string | undefined,
  options: BenchOptions,
): Promise<LegMeasurement> {
  return withBenchTandem(databaseUrl, async (tandem) => {
    const cookie = await signInAsClinician(tandem.url);
    const { organizationId, staffMemberId } = await clinicianStaffRecord(tandem.url, cookie);
    const staffPath = `/api/staff/${staffMemberId}`;
    const parameters = [organizationId, staffMemberId];
    assertSameRecord(
      await getJson(`${tandem.url}${staffPath}`, cookie),
      (await tandem.database.pool.query(staffMemberSql, parameters)).rows[0],
    );

    // The machine's speed drifts (other tenants, frequency): alternate short rounds of both sides and keep
    // the median of the per-round ratios, so that drift hits both sides alike.
    const rounds = options.rounds;
    const roundSeconds = options.durationSeconds / rounds;
    const runLoad = options.loadGenerator === 'wrk' ? runWrkLoad : runHttpLoad;
    const checkouts = countCheckouts(tandem.database.pool);
    // The direct side's audit: its own writer (batches and durability as the server's), the event the server
    // writes for this read.
    const directAudit = createAuditWriter(tandem.database, { readsWaitForFlush: true });
    const readEvent: NewAuditEvent = {
      actorUserId: null,
      actorRole: 'clinician',
      patientId: null,
      action: 'read',
      resourceType: 'staff_directory',
      resourceId: staffMemberId,
      fieldsChanged: null,
      ipAddress: '127.0.0.1',
      userAgent: 'bench',
      outcome: 'allowed',
      reason: null,
    };
    const directRead = () =>
      Promise.all([
        tandem.database.pool.query(staffMemberSql, parameters),
        directAudit.record(organizationId, readEvent),
      ]);
    const fullStackRounds: HttpThroughput[] = [];
    const directRounds: Throughput[] = [];
    for (let round = 0; round < rounds; round++) {
      const load = {
        connections: options.connections,
        durationSeconds: roundSeconds,
        warmupSeconds: round === 0 ? options.warmupSeconds : 0,
      };
      options.log(
        `${leg}: round ${round + 1}/${rounds}, full stack GET ${staffPath} from a separate process…`,
      );
      fullStackRounds.push(
        await runLoad(
          { ...load, url: `${tandem.url}${staffPath}`, headers: { cookie } },
          { count: checkouts },
        ),
      );
      options.log(`${leg}: round ${round + 1}/${rounds}, direct SELECT and audit row through the driver…`);
      directRounds.push(await runConcurrentLoops(directRead, load));
    }
    await directAudit.drain();
    const roundRatios = fullStackRounds.map(
      (fullStack, round) => fullStack.perSecond / (directRounds[round]?.perSecond ?? Number.NaN),
    );
    return {
      fullStack: medianOf(fullStackRounds) as HttpThroughput,
      direct: medianOf(directRounds),
      ratio: median(roundRatios),
      roundRatios,
    };
  });
}

/**
 * Counts connections taken from the pool (Kysely and better-auth take one per statement outside transactions).
 * About 1 per request means the session check is answered from the cache, as it should be.
 */
function countCheckouts(pool: pg.Pool): () => number {
  let checkouts = 0;
  const connect = pool.connect.bind(pool);
  pool.connect = ((...args: Parameters<typeof connect>) => {
    checkouts += 1;
    return connect(...args);
  }) as typeof pool.connect;
  return () => checkouts;
}

export function named(prefix: string, throughput: Throughput): Record<string, number> {
  return {
    [`${prefix}PerSecond`]: round(throughput.perSecond, 1),
    [`${prefix}LatencyP50Ms`]: round(throughput.latencyP50Ms, 3),
    [`${prefix}LatencyP99Ms`]: round(throughput.latencyP99Ms, 3),
    [`${prefix}CpuMicrosPerRequest`]: round(throughput.cpuMicrosPerRequest, 1),
    ...('databaseCpuMicrosPerRequest' in throughput &&
      typeof throughput.databaseCpuMicrosPerRequest === 'number' && {
        [`${prefix}DatabaseCpuMicrosPerRequest`]: round(throughput.databaseCpuMicrosPerRequest, 1),
      }),
  };
}

/** Keeps the direct side honest: if the repository's columns change, this query must change with them. */
function assertSameRecord(fromApi: unknown, fromDriver: Record<string, unknown> | undefined): void {
  if (fromDriver === undefined) throw new Error('The direct SELECT found no staff record');
  const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const apiKeys = Object.keys(fromApi as object).sort();
  const driverKeys = Object.keys(fromDriver).map(camel).sort();
  if (apiKeys.join() !== driverKeys.join()) {
    throw new Error(`The direct SELECT reads ${driverKeys.join()} but the API answers ${apiKeys.join()}`);
  }
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
