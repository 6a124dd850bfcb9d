/**
 * What the access policy and the audit trail cost: requests per second of the foundation's benchmark request,
 * an authenticated `GET /api/staff/:id`, with both on (the real route: policy decision, audit event committed to
 * the hash chain before the response leaves) against the same handler on a twin route that only requires a
 * signed-in user (no policy, no audit), in alternating rounds of the same run, on PGlite and on PostgreSQL, at 10
 * and at 100 connections (or only at `--connections`). ratios.<leg>@<n> = on / off at n connections; the targets
 * (ADR 0003): ratios.postgres = PostgreSQL at 100 connections >= 0.8, ratios.pglite = PGlite at 10 >= 0.85.
 */
import os from 'node:os';
import { auditRepository } from '@tandem/server/audit/repository';
import { recordContext } from '@tandem/server/http/record-context';
import { recordKernel } from '@tandem/server/records/unit-of-work';
import { staffRepository } from '@tandem/server/staff/repository';
import { readStaffMemberSchema } from '@tandem/server/staff/routes';
import { staffService } from '@tandem/server/staff/service';
import { median, medianOf, named, round } from './api-overhead.ts';
import {
  clinicianStaffRecord,
  forEachLeg,
  getJson,
  type Leg,
  signInAsClinician,
  withBenchTandem,
} from './bench-tandem.ts';
import { type HttpThroughput, runHttpLoad } from './load.ts';
import { postgresCpuMicros } from './postgres-cpu.ts';
import type { BenchOptions, BenchResult } from './types.ts';
import { runWrkLoad } from './wrk-load.ts';

/** The twin route: the same service call, declared for any signed-in user, so neither policy nor audit runs. */
const unguardedPrefix = '/bench/unguarded-staff';

/** The connection counts the ratios are reported at, and the one each leg's target is judged at. */
const defaultConnectionCounts = [10, 100] as const;
const targetConnections: Record<Leg, number> = { postgres: 100, pglite: 10 };

export async function policyOverhead(options: BenchOptions): Promise<BenchResult> {
  const figures: BenchResult['figures'] = {};
  const ratios: BenchResult['ratios'] = {};
  const notes = [
    `${os.availableParallelism()} CPUs shared by the server, the load process and PostgreSQL; node ${process.version}`,
  ];
  const counts = options.connectionsChosen === true ? [options.connections] : [...defaultConnectionCounts];
  const measure = async (leg: Leg, databaseUrl: string | undefined) => {
    const measured = await measureLeg(leg, databaseUrl, options, counts);
    for (const [connections, result] of measured) {
      figures[`${leg}@${connections}`] = result.figures;
      ratios[`${leg}@${connections}`] = result.ratio;
      options.log(
        `${leg} at ${connections} connections: ${JSON.stringify(result.figures)} ratio ${result.ratio}`,
      );
    }
    const headline = measured.get(targetConnections[leg]) ?? measured.get(counts[0] as number);
    if (headline !== undefined) ratios[leg] = headline.ratio;
  };
  await forEachLeg(options, notes, measure);
  return {
    name: 'policy-overhead',
    params: {
      duration: options.durationSeconds,
      connections: counts.join(','),
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
  connectionCounts: readonly number[],
) {
  let servedOnRoute = 0;
  return withBenchTandem(
    databaseUrl,
    async (tandem) => {
      const cookie = await signInAsClinician(tandem.url);
      const { organizationId, staffMemberId } = await clinicianStaffRecord(tandem.url, cookie);
      const onPath = `/api/staff/${staffMemberId}`;
      const offPath = `${unguardedPrefix}/${staffMemberId}`;
      const same = JSON.stringify(await getJson(`${tandem.url}${onPath}`, cookie));
      if (same !== JSON.stringify(await getJson(`${tandem.url}${offPath}`, cookie))) {
        throw new Error('The twin route does not answer what the real route answers');
      }
      const audit = auditRepository(tandem.database.db);
      const sequence = async () => (await audit.chainHead(organizationId))?.lastSequence ?? 0;

      const byConnections = new Map<number, { ratio: number; figures: Record<string, number> }>();
      for (const connections of connectionCounts) {
        const rounds = options.rounds;
        const roundSeconds = options.durationSeconds / rounds;
        const runLoad = options.loadGenerator === 'wrk' ? runWrkLoad : runHttpLoad;
        const probe = { count: () => 0, ...(leg === 'postgres' && { databaseCpuMicros: postgresCpuMicros }) };
        const onRounds: HttpThroughput[] = [];
        const offRounds: HttpThroughput[] = [];
        const sequenceAtStart = await sequence();
        const servedAtStart = servedOnRoute;
        for (let round = 0; round < rounds; round++) {
          const load = {
            connections,
            durationSeconds: roundSeconds,
            warmupSeconds: round === 0 ? options.warmupSeconds : 0,
            headers: { cookie },
          };
          options.log(`${leg}: round ${round + 1}/${rounds}, policy and audit on (GET ${onPath})…`);
          onRounds.push(await runLoad({ ...load, url: `${tandem.url}${onPath}` }, probe));
          options.log(`${leg}: round ${round + 1}/${rounds}, policy and audit off (twin route)…`);
          offRounds.push(await runLoad({ ...load, url: `${tandem.url}${offPath}` }, probe));
        }
        const roundRatios = onRounds.map(
          (on, index) => on.perSecond / (offRounds[index]?.perSecond ?? Number.NaN),
        );
        const on = medianOf(onRounds) as HttpThroughput;
        const off = medianOf(offRounds) as HttpThroughput;
        byConnections.set(connections, {
          ratio: round(median(roundRatios), 3),
          figures: {
            ...named('on', on),
            ...named('off', off),
            // Every successful request of the on side left exactly one audit event (warm-up included).
            auditEventsPerOnRequest: round(
              ((await sequence()) - sequenceAtStart) / Math.max(servedOnRoute - servedAtStart, 1),
              3,
            ),
            roundRatioMin: round(Math.min(...roundRatios), 3),
            roundRatioMax: round(Math.max(...roundRatios), 3),
          },
        });
      }
      return byConnections;
    },
    {
      auditReadsWaitForFlush: process.env.BENCH_AUDIT_READS_WAIT_FOR_FLUSH !== 'false',
      async extendApp(app, { database }) {
        const service = staffService(recordKernel(database.db), staffRepository(database.db));
        app.addHook('onResponse', async (request, reply) => {
          if (request.url.startsWith('/api/staff/') && reply.statusCode === 200) servedOnRoute++;
        });
        app.get(
          `${unguardedPrefix}/:staffMemberId`,
          { config: { access: 'signed-in' }, schema: { ...readStaffMemberSchema, hide: true } },
          async (request) =>
            service.get(recordContext(request), (request.params as { staffMemberId: string }).staffMemberId),
        );
      },
    },
  );
}
