/**
 * What the access policy and the audit trail cost: requests per second of the foundation's benchmark request,
 * an authenticated `GET /api/staff/:id`, with both on (the real route: policy decision, audit event committed to
 * the hash chain before the response leaves) against the same handler on a twin route that only requires a
 * signed-in user (no policy, no audit), in alternating rounds of the same run, on PGlite and on PostgreSQL.
 * ratios.<leg> = on / off (target >= 0.85).
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

export async function policyOverhead(options: BenchOptions): Promise<BenchResult> {
  const figures: BenchResult['figures'] = {};
  const ratios: BenchResult['ratios'] = {};
  const notes = [
    `${os.availableParallelism()} CPUs shared by the server, the load process and PostgreSQL; node ${process.version}`,
  ];
  const measure = async (leg: Leg, databaseUrl: string | undefined) => {
    const measured = await measureLeg(leg, databaseUrl, options);
    figures[leg] = measured.figures;
    ratios[leg] = measured.ratio;
    options.log(`${leg}: ${JSON.stringify(figures[leg])} ratio ${ratios[leg]}`);
  };
  await forEachLeg(options, notes, measure);
  return {
    name: 'policy-overhead',
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

async function measureLeg(leg: Leg, databaseUrl: string | undefined, options: BenchOptions) {
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
          connections: options.connections,
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
      return {
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
      };
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
