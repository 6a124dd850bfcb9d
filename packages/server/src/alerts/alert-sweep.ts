import type { FastifyBaseLogger } from 'fastify';

/** One pass over every organization: raise the follow-ups that fell due, escalate what nobody acknowledged. */
export type AlertSweep = () => Promise<{ raised: number; escalated: number }>;

/**
 * Runs the sweep every `intervalMs`, one pass at a time. The timer keeps no process alive and stops with the
 * server; several processes may sweep at once (one open alert per source; each escalation locks its alert and
 * the others skip it). A failed pass is logged without its details (they can name patients) and tried again.
 */
export function startAlertSweep(sweep: AlertSweep, intervalMs: number, log: FastifyBaseLogger) {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = sweep()
      .then(({ raised, escalated }) => {
        if (raised + escalated > 0) log.info({ raised, escalated }, 'alert sweep');
      })
      .catch((error: unknown) => {
        log.error({ code: (error as { code?: unknown }).code }, 'alert sweep failed; trying again');
      })
      .finally(() => {
        running = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
