import { spawn } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadProbe {
  /** A counter in this process (e.g. database checkouts), read when measuring starts and ends. */
  count?: () => number;
  /** CPU time used so far by a database outside this process (postgres-cpu.ts), read when measuring starts and ends. */
  databaseCpuMicros?: () => number | undefined;
}

export interface Throughput {
  perSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** CPU time (user + system) of this process per completed request: the server's, when it runs here. */
  cpuMicrosPerRequest: number;
}

export interface HttpThroughput extends Throughput {
  /** CPU time of the load-generating process per completed request. */
  loadCpuMicrosPerRequest: number;
  /** How much the probe's counter grew per completed request (0 without a probe). */
  countedPerRequest: number;
  /** CPU time of the PostgreSQL server processes per completed request (postgres-cpu.ts), where readable. */
  databaseCpuMicrosPerRequest?: number;
}

const workerPath = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

/**
 * HTTP load from a separate Node process against a server running in this one; refuses a run in which any
 * request failed.
 */
export async function runHttpLoad(spec: LoadSpec, probe: LoadProbe = {}): Promise<HttpThroughput> {
  const count = probe.count ?? (() => 0);
  const worker = spawn(process.execPath, [workerPath, JSON.stringify(spec)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('close', resolve);
  });
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let serverCpu: NodeJS.CpuUsage | undefined;
  let countAtStart = 0;
  let counted = 0;
  let databaseCpuAtStart: number | undefined;
  let databaseCpu: number | undefined;
  const lines: string[] = [];
  for await (const line of readline.createInterface({ input: worker.stdout })) {
    if (line === 'measuring') {
      cpuAtStart = process.cpuUsage();
      databaseCpuAtStart = probe.databaseCpuMicros?.();
      countAtStart = count();
    } else if (line.startsWith('{')) {
      serverCpu = process.cpuUsage(cpuAtStart);
      const databaseCpuAtEnd = probe.databaseCpuMicros?.();
      if (databaseCpuAtStart !== undefined && databaseCpuAtEnd !== undefined) {
        databaseCpu = databaseCpuAtEnd - databaseCpuAtStart;
      }
      counted = count() - countAtStart;
    }
    lines.push(line);
  }
  const code = await exited;
  const last = lines.at(-1);
  if (code !== 0 || serverCpu === undefined || last === undefined) {
    throw new Error(`The load worker exited with ${code}: ${lines.join('\n')}`);
  }
  const { result, cpuMicros } = JSON.parse(last) as { result: autocannon.Result; cpuMicros: number };
  const failed = result.non2xx + result.errors;
  if (failed > 0 || result['2xx'] === 0) {
    throw new Error(
      `${failed} of ${result.requests.total} requests to ${spec.url} failed (non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts})`,
    );
  }
  const completed = result['2xx'];
  return {
    perSecond: completed / result.duration,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    cpuMicrosPerRequest: (serverCpu.user + serverCpu.system) / completed,
    loadCpuMicrosPerRequest: cpuMicros / completed,
    countedPerRequest: counted / completed,
    ...(databaseCpu !== undefined && { databaseCpuMicrosPerRequest: databaseCpu / completed }),
  };
}
