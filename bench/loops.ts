import type { Throughput } from './load.ts';

/**
 * The in-process counterpart of runHttpLoad: `connections` loops each awaiting `operation` back to back, so both
 * sides of a comparison keep the same number of requests in flight.
 */
export async function runConcurrentLoops(
  operation: () => Promise<unknown>,
  options: { connections: number; durationSeconds: number; warmupSeconds: number },
): Promise<Throughput> {
  async function loopFor(seconds: number, latencies: number[] | undefined): Promise<number> {
    const deadline = performance.now() + seconds * 1000;
    let completed = 0;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < deadline) {
          const startedAt = performance.now();
          await operation();
          latencies?.push(performance.now() - startedAt);
          completed += 1;
        }
      }),
    );
    return completed;
  }

  if (options.warmupSeconds > 0) await loopFor(options.warmupSeconds, undefined);
  const latencies: number[] = [];
  const cpuAtStart = process.cpuUsage();
  const startedAt = performance.now();
  const completed = await loopFor(options.durationSeconds, latencies);
  const elapsedSeconds = (performance.now() - startedAt) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  latencies.sort((a, b) => a - b);
  return {
    perSecond: completed / elapsedSeconds,
    latencyP50Ms: percentile(latencies, 0.5),
    latencyP99Ms: percentile(latencies, 0.99),
    cpuMicrosPerRequest: (cpu.user + cpu.system) / completed,
  };
}

export function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}
