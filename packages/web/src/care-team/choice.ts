import { careTeamRoleLabels } from '@tandem/core/admission/vocabulary';
import type { CareTeamPlace, TherapistSuggestion } from './api.ts';

const kindOrder = { started: 0, ended: 1 } as const;

/** A suggestion's reasons on one line, as the clinician reads them: "offers MI; 8 years opioid experience". */
export function reasonsLine(suggestion: Pick<TherapistSuggestion, 'reasons'>): string {
  return suggestion.reasons.join('; ');
}

export function concernsLine(suggestion: Pick<TherapistSuggestion, 'concerns'>): string {
  return suggestion.concerns.join('; ');
}

/**
 * Choosing a clinician without room is allowed (the choice is the clinician's), but only once they confirm
 * knowing why the list put them last.
 */
export function confirmationFor(suggestion: TherapistSuggestion): string | null {
  if (suggestion.available) return null;
  const why = suggestion.concerns.filter((concern) => /caseload|new patients/.test(concern));
  return `${suggestion.displayName} has no room for a new patient (${
    why.length > 0 ? why.join('; ') : `${suggestion.caseload.current}/${suggestion.caseload.max} caseload`
  }). Assign anyway?`;
}

export interface AssignmentValues {
  staffMemberId: string | null;
  reason: string;
  /** The clinician confirmed choosing someone without room. */
  confirmedUnavailable: boolean;
}

export type AssignmentErrors = Partial<Record<'staffMemberId' | 'reason' | 'confirmedUnavailable', string>>;

/**
 * What must be said before assigning: whom, and why when it replaces someone or goes against the ranking's
 * capacity check (the history keeps the reason).
 */
export function validateAssignment(
  values: AssignmentValues,
  context: { replacing: boolean; chosen: TherapistSuggestion | undefined },
): AssignmentErrors {
  const errors: AssignmentErrors = {};
  const reason = values.reason.trim();
  if (values.staffMemberId === null || context.chosen === undefined) {
    errors.staffMemberId = 'Choose a clinician';
  } else if (context.chosen.isCurrentPrimaryTherapist) {
    errors.staffMemberId = `${context.chosen.displayName} is already the primary therapist`;
  }
  if (reason.length > 1000) errors.reason = 'Keep the reason under 1,000 characters';
  else if (reason === '' && context.replacing) errors.reason = 'Say why the primary therapist changes';
  else if (reason === '' && context.chosen !== undefined && !context.chosen.available) {
    errors.reason = 'Say why you choose a clinician without room';
  }
  if (context.chosen !== undefined && !context.chosen.available && !values.confirmedUnavailable) {
    errors.confirmedUnavailable = 'Confirm that you choose a clinician without room';
  }
  return errors;
}

/**
 * The history as events: each place gives its start and, once ended, its end; the latest first. A place ended
 * within the same change as another began (a new primary therapist) reads in the order it happened.
 */
export function historyEvents(history: readonly CareTeamPlace[]) {
  const events = history.flatMap((place) => {
    const started = {
      key: `${place.id}-start`,
      when: place.startedAt,
      text: `${place.staffName} became ${careTeamRoleLabels[place.role].toLowerCase()}`,
      by: place.assignedByName,
      reason: place.assignmentReason,
      kind: 'started' as const,
    };
    if (place.endedAt === null) return [started];
    return [
      started,
      {
        key: `${place.id}-end`,
        when: place.endedAt,
        text: `${place.staffName} left the ${careTeamRoleLabels[place.role].toLowerCase()} place`,
        by: place.endedByName,
        reason: place.changeReason,
        kind: 'ended' as const,
      },
    ];
  });
  return events.sort(
    (a, b) => Date.parse(b.when) - Date.parse(a.when) || kindOrder[a.kind] - kindOrder[b.kind],
  );
}
