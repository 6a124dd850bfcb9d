import { defineMessages } from '../errors/define-messages.ts';
import type { ErrorMessageDescriptor } from '../errors/domain-error.ts';
import type { StaffRole } from '../identity/roles.ts';

/**
 * The on-duty roster: who answers for the program, for which duty, over which period. Risk signals reach whoever
 * is on duty at once, beside the patient's care team (alerts/alert-kinds.ts).
 */
export const onDutyDuties = ['clinician_on_call', 'prescriber_on_call', 'supervisor_on_call'] as const;
export type OnDutyDuty = (typeof onDutyDuties)[number];

export const onDutyDutyLabels: Record<OnDutyDuty, string> = {
  clinician_on_call: 'Clinician on call',
  prescriber_on_call: 'Prescriber on call',
  supervisor_on_call: 'Supervisor on call',
};

/** Who may take each duty, by job role: a risk signal must reach someone able to answer it clinically. */
export const onDutyJobRoles: Record<OnDutyDuty, readonly StaffRole[]> = {
  clinician_on_call: ['clinician', 'supervisor'],
  prescriber_on_call: ['prescriber'],
  supervisor_on_call: ['supervisor'],
};

/** The longest shift the roster accepts (the database refuses longer ones too: migration 0018). */
export const longestOnDutyShiftHours = 7 * 24;

export interface OnDutyShiftDraft {
  duty: OnDutyDuty;
  jobRole: StaffRole;
  startsAt: Date;
  endsAt: Date;
}

const refusalMessages = defineMessages({
  // One sentence per duty: the job roles named are onDutyJobRoles' (duties.test.ts holds them in step).
  dutyNeedsJob: {
    id: 'onDuty.errors.dutyNeedsJob',
    defaultMessage:
      '{duty, select, clinician_on_call {Clinician on call is a duty for a clinician or supervisor} prescriber_on_call {Prescriber on call is a duty for a prescriber} other {Supervisor on call is a duty for a supervisor}}',
  },
  endAfterStart: { id: 'onDuty.errors.endAfterStart', defaultMessage: 'The shift must end after it starts' },
  tooLong: {
    id: 'onDuty.errors.tooLong',
    defaultMessage: 'A shift lasts at most {days, plural, one {# day} other {# days}}',
  },
  alreadyOver: { id: 'onDuty.errors.alreadyOver', defaultMessage: 'The shift would already be over' },
});

/** Why a shift cannot go on the roster, per field, or nothing when it can. `now` is the program clock's. */
export function onDutyShiftRefusals(
  shift: OnDutyShiftDraft,
  now: Date,
): { path: 'staffMemberId' | 'startsAt' | 'endsAt'; message: ErrorMessageDescriptor }[] {
  const refusals: { path: 'staffMemberId' | 'startsAt' | 'endsAt'; message: ErrorMessageDescriptor }[] = [];
  if (!onDutyJobRoles[shift.duty].includes(shift.jobRole)) {
    refusals.push({
      path: 'staffMemberId',
      message: { ...refusalMessages.dutyNeedsJob, values: { duty: shift.duty } },
    });
  }
  if (shift.endsAt.getTime() <= shift.startsAt.getTime()) {
    refusals.push({ path: 'endsAt', message: refusalMessages.endAfterStart });
  } else if (shift.endsAt.getTime() - shift.startsAt.getTime() > longestOnDutyShiftHours * 3_600_000) {
    refusals.push({
      path: 'endsAt',
      message: { ...refusalMessages.tooLong, values: { days: longestOnDutyShiftHours / 24 } },
    });
  }
  if (shift.endsAt.getTime() <= now.getTime()) {
    refusals.push({ path: 'endsAt', message: refusalMessages.alreadyOver });
  }
  return refusals;
}
