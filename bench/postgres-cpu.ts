/**
 * CPU time used so far by the PostgreSQL server processes on this machine (every process named `postgres`), from
 * /proc: what the database spent serving a benchmark's requests when it runs beside the server. Linux only;
 * undefined elsewhere.
 */
import { readdirSync, readFileSync } from 'node:fs';

const clockTicksPerSecond = 100;

export function postgresCpuMicros(): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    const nameEnd = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, nameEnd) !== 'postgres') continue;
    // After the name: state (field 3) … utime (14), stime (15).
    const fields = stat.slice(nameEnd + 2).split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return (ticks * 1_000_000) / clockTicksPerSecond;
}
