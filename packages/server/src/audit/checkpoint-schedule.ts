import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { writeCheckpoints } from './checkpoints.ts';
import type { AuditSigningKey } from './signing-key.ts';

export interface CheckpointSchedule {
  /** Stops the timer, waits for a checkpoint being written, then signs the heads that moved since (at shutdown). */
  stop(): Promise<void>;
}

/**
 * Signs a checkpoint of every audit chain that moved, every `intervalMs` (0: never on its own; still once at
 * stop). The timer does not keep the process alive; a failed round is reported and the next one tries again.
 */
export function startCheckpointSchedule(options: {
  db: Kysely<DB>;
  key: AuditSigningKey;
  intervalMs: number;
  onError(error: unknown): void;
}): CheckpointSchedule {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const round = () => {
    running = running
      .then(() => writeCheckpoints(options.db, options.key))
      .then(
        () => {},
        (error: unknown) => options.onError(error),
      );
    return running;
  };
  const timer =
    options.intervalMs > 0
      ? setInterval(() => {
          if (!stopped) void round();
        }, options.intervalMs).unref()
      : undefined;
  return {
    async stop() {
      if (stopped) return running;
      stopped = true;
      clearInterval(timer);
      return round();
    },
  };
}
