/**
 * What the access policy and the audit trail cost: requests per second of the foundation's benchmark request,
 * an authenticated `GET /api/staff/:id`, with both on (the real route: policy decision, audit event committed to
 * the hash chain before the response leaves) against the same handler on a twin route that only requires a
 * signed-in user (no policy, no audit), in alternating rounds of the same run, on PGlite and on PostgreSQL.
 * ratios.<leg> = on / off (target >= 0.85).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTandem } from '@tandem/server/app/start';
import { auditRepository } from '@tandem/server/audit/repository';
import { parseConfig } from '@tandem/server/config/config';
import { demoAccountFor } from '@tandem/server/demo/demo-accounts';
import { requirePrincipal } from '@tandem/server/http/authorization';
import { staffRepository } from '@tandem/server/staff/repository';
import { staffService } from '@tandem/server/staff/service';
import { freePort } from '@tandem/server/testing/test-server';
import { getJson, median, medianOf, named, round, signIn } from './api-overhead.ts';
import { type HttpThroughput, runHttpLoad } from './load.ts';
import { createScratchDatabase } from './postgres-database.ts';
import type { BenchOptions, BenchResult } from './types.ts';
import { runWrkLoad } from './wrk-load.ts';

type Leg = 'postgres' | 'pglite';

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
  if (options.databaseUrl === undefined) {
    notes.push('postgres leg skipped: DATABASE_URL is unset');
  } else {
    const scratch = await createScratchDatabase(options.databaseUrl);
    try {
      await measure('postgres', scratch.url);
    } finally {
      await scratch.drop();
    }
  }
  await measure('pglite', undefined);
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
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-'));
  const port = await freePort();
  const tandem = await startTandem(
    parseConfig({
      port,
      host: '127.0.0.1',
      dataDir,
      databaseUrl,
      publicUrl: `http://127.0.0.1:${port}`,
      logLevel: 'silent',
      demo: true,
    }),
    {
      auditReadsWaitForFlush: process.env.BENCH_AUDIT_READS_WAIT_FOR_FLUSH !== 'false',
      async extendApp(app, { database }) {
        const service = staffService(staffRepository(database.db));
        app.addHook('onResponse', async (request, reply) => {
          if (request.url.startsWith('/api/staff/') && reply.statusCode === 200) servedOnRoute++;
        });
        app.get(`${unguardedPrefix}/:staffMemberId`, { config: { access: 'signed-in' } }, async (request) =>
          service.get(requirePrincipal(request), (request.params as { staffMemberId: string }).staffMemberId),
        );
      },
    },
  );
  try {
    const cookie = await signIn(tandem.url, demoAccountFor('clinician').email);
    const me = (await getJson(`${tandem.url}/api/me`, cookie)) as {
      organization: { id: string };
      staffMemberId: string | null;
    };
    if (me.staffMemberId === null) throw new Error('The demo clinician has no staff record to read');
    const onPath = `/api/staff/${me.staffMemberId}`;
    const offPath = `${unguardedPrefix}/${me.staffMemberId}`;
    const same = JSON.stringify(await getJson(`${tandem.url}${onPath}`, cookie));
    if (same !== JSON.stringify(await getJson(`${tandem.url}${offPath}`, cookie))) {
      throw new Error('The twin route does not answer what the real route answers');
    }
    const audit = auditRepository(tandem.database.db);
    const sequence = async () => (await audit.chainHead(me.organization.id))?.lastSequence ?? 0;

    const rounds = options.rounds;
    const roundSeconds = options.durationSeconds / rounds;
    const runLoad = options.loadGenerator === 'wrk' ? runWrkLoad : runHttpLoad;
    const noCount = { count: () => 0 };
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
      onRounds.push(await runLoad({ ...load, url: `${tandem.url}${onPath}` }, noCount));
      options.log(`${leg}: round ${round + 1}/${rounds}, policy and audit off (twin route)…`);
      offRounds.push(await runLoad({ ...load, url: `${tandem.url}${offPath}` }, noCount));
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
  } finally {
    await tandem.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
