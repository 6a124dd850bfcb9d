import type { CareTeamRole } from '../access/resources.ts';
import { type AlertKind, type AlertTarget, alertKindRules } from './alert-kinds.ts';

/** Who could receive an alert about one patient: active staff only, each as their user. */
export interface RoutingFacts {
  /** The patient's current care team (empty for an alert about no patient). */
  careTeam: readonly { userId: string; place: CareTeamRole }[];
  /** The program's active clinical supervisors. */
  supervisors: readonly string[];
  /** The program's active administrators: the last resort. */
  administrators: readonly string[];
}

export type RoutingReason = AlertTarget | 'fallback_supervisors' | 'fallback_administrators' | 'escalation';

export interface AlertRecipient {
  userId: string;
  reason: RoutingReason;
}

function usersFor(target: AlertTarget, facts: RoutingFacts): string[] {
  if (target === 'program_supervisors') return [...facts.supervisors];
  if (target === 'program_administrators') return [...facts.administrators];
  return facts.careTeam.filter((member) => member.place === target).map((member) => member.userId);
}

/**
 * Everyone the kind's rule names (each once, with the first reason that found them). When the rule finds nobody
 * (no primary therapist assigned yet, the prescriber left), the alert goes to the program's supervisors, and
 * when there are none, to its administrators: an alert is never raised to nobody. Only a program with no active
 * supervisor or administrator at all routes to nobody, which the caller must refuse.
 */
export function routeAlert(kind: AlertKind, facts: RoutingFacts): AlertRecipient[] {
  const recipients = new Map<string, RoutingReason>();
  for (const target of alertKindRules[kind].routeTo) {
    for (const userId of usersFor(target, facts)) if (!recipients.has(userId)) recipients.set(userId, target);
  }
  if (recipients.size === 0) {
    for (const userId of facts.supervisors) recipients.set(userId, 'fallback_supervisors');
  }
  if (recipients.size === 0) {
    for (const userId of facts.administrators) recipients.set(userId, 'fallback_administrators');
  }
  return [...recipients].map(([userId, reason]) => ({ userId, reason }));
}

/** Who an unacknowledged alert escalates to: the supervisors (administrators when there are none), less those it already reached. */
export function escalationRecipients(
  facts: RoutingFacts,
  alreadyRouted: readonly string[],
): AlertRecipient[] {
  const to = facts.supervisors.length > 0 ? facts.supervisors : facts.administrators;
  return to
    .filter((userId) => !alreadyRouted.includes(userId))
    .map((userId) => ({ userId, reason: 'escalation' }));
}
