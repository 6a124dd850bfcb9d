import type { ProgramClock } from '../time/program-clock.ts';

export const alertStatuses = ['open', 'acknowledged', 'resolved'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** The moments an alert's life is made of. */
export interface AlertTimes {
  raisedAt: Date;
  acknowledgedAt: Date | null;
  resolvedAt: Date | null;
  escalatedAt: Date | null;
}

/** Open until someone acknowledges it; resolved only once a clinician records what was done. */
export function alertStatus(alert: AlertTimes): AlertStatus {
  if (alert.resolvedAt !== null) return 'resolved';
  if (alert.acknowledgedAt !== null) return 'acknowledged';
  return 'open';
}

/** Whether nobody acknowledged the alert within the program's time, and it has not been escalated yet. */
export function isDueForEscalation(
  alert: AlertTimes,
  escalateAfterMinutes: number,
  clock: ProgramClock,
): boolean {
  if (alertStatus(alert) !== 'open' || alert.escalatedAt !== null) return false;
  return clock.now.getTime() - alert.raisedAt.getTime() >= escalateAfterMinutes * 60_000;
}

/** The shortest record of what was done that counts as one (a clinician's words, not a click). */
export const minimumResolutionLength = 10;
