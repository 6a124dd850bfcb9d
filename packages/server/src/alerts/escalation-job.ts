import type { FastifyBaseLogger } from 'fastify';
import type { AlertService } from './service.ts';

/**
 * Checks for unacknowledged alerts every `intervalMs` and escalates those past the organization's time. The
 * timer keeps no process alive and stops with the server; several processes may run it (each alert is locked
 * while one escalates it, and the others skip it).
 */
export function startAlertEscalation(service: AlertService, intervalMs: number, log: FastifyBaseLogger) {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running !== undefined) return;
    running = service
      .escalateAllDue()
      .then((count) => {
        if (count > 0) log.info({ count }, 'escalated unacknowledged alerts');
      })
      .catch((error: unknown) => {
        log.error({ err: { message: (error as Error).message } }, 'alert escalation failed; trying again');
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
