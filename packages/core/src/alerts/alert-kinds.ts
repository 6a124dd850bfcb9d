import type { CareTeamRole } from '../access/resources.ts';

/**
 * Alerts and follow-ups: risk signals and overdue work that must reach a person. Each kind says how urgent it is
 * and who it goes to first; routing (route-alert.ts) falls back to the supervisors, then the administrators, so
 * that no alert is ever raised to nobody.
 */
export const alertKinds = [
  /** An intake checklist item passed its due day unfinished (consents, orientation, assessments, plan). */
  'intake_item_overdue',
  /** Someone opened a record by break-the-glass: a supervisor reviews whether it was justified. */
  'break_glass_review',
  /**
   * A risk of harm signalled in the record (a self-harm answer, reported use, an alliance rupture): raised by the
   * feature that sees it, in the transaction that records it.
   */
  'risk_signal',
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const alertSeverities = ['urgent', 'high', 'routine'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/**
 * Who an alert goes to: a place on the patient's care team, the clinical supervisors of the patient's primary
 * therapist, whoever is on duty now (the on-duty roster), or everyone in a role of the program.
 */
export type AlertTarget =
  | CareTeamRole
  | 'primary_therapist_supervisors'
  | 'on_duty'
  | 'program_supervisors'
  | 'program_administrators';

export interface AlertKindRule {
  severity: AlertSeverity;
  /** Everyone these find receives the alert (see routeAlert for when they find nobody). */
  routeTo: readonly AlertTarget[];
  /**
   * The person whose action raised the alert never receives it, nor its escalation: nobody reviews their own
   * emergency access.
   */
  neverToRaiser: boolean;
  label: string;
}

export const alertKindRules: Record<AlertKind, AlertKindRule> = {
  intake_item_overdue: {
    severity: 'routine',
    routeTo: ['primary_therapist', 'case_manager'],
    neverToRaiser: false,
    label: 'Intake item overdue',
  },
  break_glass_review: {
    severity: 'high',
    // The supervisors of the patient's primary therapist know the case; failing them, every supervisor.
    routeTo: ['primary_therapist_supervisors'],
    neverToRaiser: true,
    label: 'Emergency access to review',
  },
  risk_signal: {
    severity: 'urgent',
    // Whoever is on duty answers at once, beside the care team; with nobody on duty, the care team alone.
    routeTo: ['on_duty', 'primary_therapist', 'prescriber', 'supervisor'],
    neverToRaiser: false,
    label: 'Risk signal',
  },
};

export const alertSeverityLabels: Record<AlertSeverity, string> = {
  urgent: 'Urgent',
  high: 'High',
  routine: 'Routine',
};
