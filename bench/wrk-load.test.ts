import { describe, expect, it } from 'vitest';
import { parseWrkReport } from './wrk-load.ts';

const report = `Running 10s test @ http://127.0.0.1:40123/api/staff/01a2
  1 threads and 10 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     2.61ms    1.02ms  21.40ms   88.21%
    Req/Sec     3.86k   210.33     4.20k    71.00%
  Latency Distribution
     50%    2.41ms
     75%    2.90ms
     90%    3.61ms
     99%  850.00us
  38412 requests in 10.01s, 27.07MB read
Requests/sec:   3837.50
Transfer/sec:      2.70MB
0m0.002s 0m0.001s
0m0.420s 0m1.130s
`;

describe('parseWrkReport', () => {
  it('reads requests, duration, latency percentiles and the CPU wrk used', () => {
    expect(parseWrkReport(report)).toEqual({
      requests: 38412,
      seconds: 10.01,
      failed: 0,
      latencyP50Ms: 2.41,
      latencyP99Ms: 0.85,
      loadCpuMicros: 1_550_000,
    });
  });

  it('reads latencies of a second or more, which wrk prints with a trailing space', () => {
    const slow = report.replace('     99%  850.00us\n', '     99%    1.25s \n');
    expect(parseWrkReport(slow).latencyP99Ms).toBe(1250);
  });

  it('counts non-2xx responses and socket errors as failures', () => {
    const failing = report.replace(
      'Requests/sec',
      '  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 7\nRequests/sec',
    );
    expect(parseWrkReport(failing).failed).toBe(10);
  });

  it('refuses output that is not a wrk report', () => {
    expect(() => parseWrkReport('wrk: command not found')).toThrow(/Unreadable wrk report/);
  });
});
