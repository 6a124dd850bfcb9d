import type { CareTeamRole } from '../access/resources.ts';
import { type AlertKind, type AlertTarget, alertKindRules } from './alert-kinds.ts';

/** Who could receive an alert about one patient: active staff only, each as their user. */
export interface RoutingFacts {
  /** The patient's current care team (empty for an alert about no patient). */
  careTeam: readonly { userId: string; place: CareTeamRole }[];
  /** The active clinical supervisors of the patient's current primary therapist (supervisions). */
  primaryTherapistSupervisors: readonly string[];
  /** The staff on duty now (the on-duty roster), whatever their duty. */
  onDuty: readonly string[];
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

function usersFor(target: AlertTarget, facts: RoutingFacts): readonly string[] {
  switch (target) {
    case 'program_supervisors':
      return facts.supervisors;
    case 'program_administrators':
      return facts.administrators;
    case 'primary_therapist_supervisors':
      return facts.primaryTherapistSupervisors;
    case 'on_duty':
      return facts.onDuty;
    default:
      return facts.careTeam.filter((member) => member.place === target).map((member) => member.userId);
  }
}

/** The person who raised an alert, when its kind never reaches them (null: nobody is left out). */
function leftOut(kind: AlertKind, raisedBy: string | null): string | null {
  return alertKindRules[kind].neverToRaiser ? raisedBy : null;
}

/**
 * Everyone the kind's rule names (each once, with the first reason that found them). When the rule finds nobody
 * (no primary therapist assigned yet, the prescriber left, nobody on duty and no care team), the alert goes to
 * the program's supervisors, and when there are none, to its administrators: an alert is never raised to nobody.
 * A kind that never reaches whoever raised it (a break-the-glass review) leaves them out at every step. Only a
 * program with no active supervisor or administrator (besides the raiser) routes to nobody, which the caller
 * must refuse.
 */
export function routeAlert(
  kind: AlertKind,
  facts: RoutingFacts,
  raisedBy: string | null = null,
): AlertRecipient[] {
  const excluded = leftOut(kind, raisedBy);
  const recipients = new Map<string, RoutingReason>();
  const add = (userIds: readonly string[], reason: RoutingReason) => {
    for (const userId of userIds) {
      if (userId !== excluded && !recipients.has(userId)) recipients.set(userId, reason);
    }
  };
  for (const target of alertKindRules[kind].routeTo) add(usersFor(target, facts), target);
  if (recipients.size === 0) add(facts.supervisors, 'fallback_supervisors');
  if (recipients.size === 0) add(facts.administrators, 'fallback_administrators');
  return [...recipients].map(([userId, reason]) => ({ userId, reason }));
}

/**
 * Who an unacknowledged alert escalates to: the supervisors (administrators when there are none), less those it
 * already reached and, for a kind that never reaches its raiser, less the raiser.
 */
export function escalationRecipients(
  facts: RoutingFacts,
  alreadyRouted: readonly string[],
  alert: { kind: AlertKind; raisedBy: string | null } | null = null,
): AlertRecipient[] {
  const excluded = alert === null ? null : leftOut(alert.kind, alert.raisedBy);
  const eligible = (userIds: readonly string[]) => userIds.filter((userId) => userId !== excluded);
  const supervisors = eligible(facts.supervisors);
  const to = supervisors.length > 0 ? supervisors : eligible(facts.administrators);
  return to
    .filter((userId) => !alreadyRouted.includes(userId))
    .map((userId) => ({ userId, reason: 'escalation' }));
}
