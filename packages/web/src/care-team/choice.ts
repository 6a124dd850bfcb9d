import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { CareTeamPlace, TherapistSuggestion } from './api.ts';
import { careTeamRoleLabels } from './labels.ts';

const kindOrder = { started: 0, ended: 1 } as const;

const messages: Record<
  | 'noRoom'
  | 'caseload'
  | 'chooseClinician'
  | 'alreadyPrimary'
  | 'reasonTooLong'
  | 'reasonForChange'
  | 'reasonWithoutRoom'
  | 'confirmWithoutRoom'
  | 'became'
  | 'left',
  MessageDescriptor
> = defineMessages({
  noRoom: {
    id: 'careTeam.choice.noRoom',
    defaultMessage: '{name} has no room for a new patient ({why}). Assign anyway?',
  },
  caseload: { id: 'careTeam.choice.caseload', defaultMessage: '{current}/{max} caseload' },
  chooseClinician: { id: 'careTeam.choice.chooseClinician', defaultMessage: 'Choose a clinician' },
  alreadyPrimary: {
    id: 'careTeam.choice.alreadyPrimary',
    defaultMessage: '{name} is already the primary therapist',
  },
  reasonTooLong: {
    id: 'careTeam.choice.reasonTooLong',
    defaultMessage: 'Keep the reason under {maximum, number} characters',
  },
  reasonForChange: {
    id: 'careTeam.choice.reasonForChange',
    defaultMessage: 'Say why the primary therapist changes',
  },
  reasonWithoutRoom: {
    id: 'careTeam.choice.reasonWithoutRoom',
    defaultMessage: 'Say why you choose a clinician without room',
  },
  confirmWithoutRoom: {
    id: 'careTeam.choice.confirmWithoutRoom',
    defaultMessage: 'Confirm that you choose a clinician without room',
  },
  became: { id: 'careTeam.choice.became', defaultMessage: '{name} became {place}' },
  left: { id: 'careTeam.choice.left', defaultMessage: '{name} left the {place} place' },
});

/** A place's name as it reads inside a sentence ("became primary therapist"). */
function placeInSentence(intl: IntlShape, role: CareTeamPlace['role']): string {
  return intl.formatMessage(careTeamRoleLabels[role]).toLocaleLowerCase(intl.locale);
}

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
export function confirmationFor(intl: IntlShape, suggestion: TherapistSuggestion): string | null {
  if (suggestion.available) return null;
  // The ranking's concerns are the server's words; those about room are picked out by what they say.
  const why = suggestion.concerns.filter((concern) => /caseload|new patients/.test(concern));
  return intl.formatMessage(messages.noRoom, {
    name: suggestion.displayName,
    why:
      why.length > 0
        ? why.join('; ')
        : intl.formatMessage(messages.caseload, {
            current: suggestion.caseload.current,
            max: suggestion.caseload.max,
          }),
  });
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
  intl: IntlShape,
  values: AssignmentValues,
  context: { replacing: boolean; chosen: TherapistSuggestion | undefined },
): AssignmentErrors {
  const errors: AssignmentErrors = {};
  const reason = values.reason.trim();
  if (values.staffMemberId === null || context.chosen === undefined) {
    errors.staffMemberId = intl.formatMessage(messages.chooseClinician);
  } else if (context.chosen.isCurrentPrimaryTherapist) {
    errors.staffMemberId = intl.formatMessage(messages.alreadyPrimary, { name: context.chosen.displayName });
  }
  if (reason.length > 1000) errors.reason = intl.formatMessage(messages.reasonTooLong, { maximum: 1000 });
  else if (reason === '' && context.replacing) errors.reason = intl.formatMessage(messages.reasonForChange);
  else if (reason === '' && context.chosen !== undefined && !context.chosen.available) {
    errors.reason = intl.formatMessage(messages.reasonWithoutRoom);
  }
  if (context.chosen !== undefined && !context.chosen.available && !values.confirmedUnavailable) {
    errors.confirmedUnavailable = intl.formatMessage(messages.confirmWithoutRoom);
  }
  return errors;
}

/**
 * The history as events: each place gives its start and, once ended, its end; the latest first. A place ended
 * within the same change as another began (a new primary therapist) reads in the order it happened.
 */
export function historyEvents(intl: IntlShape, history: readonly CareTeamPlace[]) {
  const events = history.flatMap((place) => {
    const started = {
      key: `${place.id}-start`,
      when: place.startedAt,
      text: intl.formatMessage(messages.became, {
        name: place.staffName,
        place: placeInSentence(intl, place.role),
      }),
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
        text: intl.formatMessage(messages.left, {
          name: place.staffName,
          place: placeInSentence(intl, place.role),
        }),
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
