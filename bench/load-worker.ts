/**
 * The HTTP load generator, run as its own process (see load.ts) so that autocannon never shares an event loop
 * with the server it measures. Takes a LoadSpec as JSON in argv[2]. Prints `measuring` when the warm-up is over,
 * then one JSON line: autocannon's result and the CPU time this process spent generating the measured load.
 */
import autocannon from 'autocannon';
import type { LoadSpec } from './load.ts';

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const request = { url: spec.url, headers: spec.headers, connections: spec.connections };

if (spec.warmupSeconds > 0) await autocannon({ ...request, duration: spec.warmupSeconds });
process.stdout.write('measuring\n');
const cpuAtStart = process.cpuUsage();
const result = await autocannon({ ...request, duration: spec.durationSeconds });
const cpu = process.cpuUsage(cpuAtStart);
process.stdout.write(`${JSON.stringify({ result, cpuMicros: cpu.user + cpu.system })}\n`);
