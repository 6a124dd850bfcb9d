/** What every benchmark gets from bench/run.ts and what it hands back (printed as the last line). */
export interface BenchOptions {
  /** Seconds measured, per leg and per side. */
  durationSeconds: number;
  /** Concurrent HTTP connections, and concurrent loops on the direct side. */
  connections: number;
  /** True when `--connections` was given: a benchmark that measures several counts by default measures only it. */
  connectionsChosen?: boolean;
  /** The measured seconds are split into this many alternating rounds of each side. */
  rounds: number;
  /** Seconds of the same load before each measurement, not counted. */
  warmupSeconds: number;
  /** What generates HTTP load: wrk (C, cheap on CPU) where installed, otherwise autocannon. */
  loadGenerator: 'wrk' | 'autocannon';
  /** A PostgreSQL server URL; unset skips the PostgreSQL leg. */
  databaseUrl: string | undefined;
  /** Only this leg (`--leg`); both when unset. */
  onlyLeg?: 'postgres' | 'pglite';
  /** How many synthetic patients a benchmark that generates them generates (patient-search: 100,000). */
  patients?: number;
  /** Progress for the person watching; never part of the result line. */
  log(line: string): void;
}

export interface BenchResult {
  name: string;
  params: Record<string, number | string>;
  /** Per leg (`postgres`, `pglite`) a record of figures; a headline figure may be a bare number. */
  figures: Record<string, number | Record<string, number>>;
  ratios: Record<string, number>;
  notes?: string[];
}

export type Benchmark = (options: BenchOptions) => Promise<BenchResult>;
