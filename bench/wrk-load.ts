/**
 * HTTP load from wrk (Debian's `wrk`), a C load generator that spends a fraction of autocannon's CPU per
 * request. On a small machine the load generator shares the cores with the server it measures, so a cheaper one
 * measures the server more truly. Same contract as runHttpLoad in load.ts.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { HttpThroughput, LoadProbe, LoadSpec } from './load.ts';

export function wrkAvailable(): boolean {
  return spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;
}

export async function runWrkLoad(spec: LoadSpec, probe: LoadProbe = {}): Promise<HttpThroughput> {
  const count = probe.count ?? (() => 0);
  if (spec.warmupSeconds > 0) await runWrk(spec, spec.warmupSeconds);
  const cpuAtStart = process.cpuUsage();
  const databaseCpuAtStart = probe.databaseCpuMicros?.();
  const countAtStart = count();
  const output = await runWrk(spec, spec.durationSeconds);
  const serverCpu = process.cpuUsage(cpuAtStart);
  const databaseCpuAtEnd = probe.databaseCpuMicros?.();
  const counted = count() - countAtStart;
  const report = parseWrkReport(output);
  if (report.failed > 0 || report.requests === 0) {
    throw new Error(`${report.failed} of ${report.requests} requests to ${spec.url} failed:\n${output}`);
  }
  return {
    perSecond: report.requests / report.seconds,
    latencyP50Ms: report.latencyP50Ms,
    latencyP99Ms: report.latencyP99Ms,
    cpuMicrosPerRequest: (serverCpu.user + serverCpu.system) / report.requests,
    loadCpuMicrosPerRequest: report.loadCpuMicros / report.requests,
    countedPerRequest: counted / report.requests,
    ...(databaseCpuAtStart !== undefined &&
      databaseCpuAtEnd !== undefined && {
        databaseCpuMicrosPerRequest: (databaseCpuAtEnd - databaseCpuAtStart) / report.requests,
      }),
  };
}

/** Runs wrk under bash so that `times` can report the CPU the load generator used. */
function runWrk(spec: LoadSpec, seconds: number): Promise<string> {
  const headerArgs = Object.entries(spec.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  // wrk counts a response slower than its timeout (2 s by default) as an error; at 100 connections on the
  // embedded database (one backend, queries in turn) the slowest responses take longer, and are still answers.
  const timeout = `${Math.max(10, Math.ceil(seconds))}s`;
  const args = [
    '-t1',
    `-c${spec.connections}`,
    `-d${seconds}s`,
    `--timeout`,
    timeout,
    '--latency',
    ...headerArgs,
    spec.url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', 'wrk "$@" && times', 'wrk-load', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`wrk exited ${code}: ${output}`)),
    );
  });
}

export interface WrkReport {
  requests: number;
  seconds: number;
  failed: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  loadCpuMicros: number;
}

const unitToMs: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function durationMs(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (match === null) throw new Error(`Unreadable wrk duration ${text}`);
  return Number(match[1]) * (unitToMs[match[2] as string] ?? Number.NaN);
}

/** Reads wrk's `--latency` report followed by bash's `times` (shell, then children: "0m1.234s 0m0.567s"). */
export function parseWrkReport(output: string): WrkReport {
  const total = /(\d+) requests in ([\d.]+)(us|ms|s|m),/.exec(output);
  // wrk pads latencies of a second or more with a trailing space ("99%    1.25s ").
  const p50 = /^\s+50%\s+(\S+)\s*$/m.exec(output);
  const p99 = /^\s+99%\s+(\S+)\s*$/m.exec(output);
  if (total === null || p50 === null || p99 === null) throw new Error(`Unreadable wrk report:\n${output}`);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const errors =
    socketErrors === null ? 0 : socketErrors.slice(1).reduce((sum, value) => sum + Number(value), 0);
  const times = [...output.matchAll(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/g)].at(-1);
  const loadCpuMicros =
    times === undefined
      ? Number.NaN
      : Math.round(
          ((Number(times[1]) + Number(times[3])) * 60 + Number(times[2]) + Number(times[4])) * 1_000_000,
        );
  return {
    requests: Number(total[1]),
    seconds: durationMs(`${total[2]}${total[3]}`) / 1000,
    failed: non2xx + errors,
    latencyP50Ms: durationMs(p50[1] as string),
    latencyP99Ms: durationMs(p99[1] as string),
    loadCpuMicros,
  };
}
