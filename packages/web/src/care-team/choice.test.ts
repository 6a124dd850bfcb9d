import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { CareTeamPlace, TherapistSuggestion } from './api.ts';
import { confirmationFor, historyEvents, reasonsLine, validateAssignment } from './choice.ts';

const intl = createIntl({ locale: 'en', messages: {} });

function suggestion(overrides: Partial<TherapistSuggestion> = {}): TherapistSuggestion {
  return {
    staffMemberId: '01900000-0000-7000-8000-000000000001',
    displayName: 'Lucía Ortega',
    jobRole: 'clinician',
    credentials: ['LCSW'],
    score: 83,
    rank: 1,
    available: true,
    caseload: { current: 14, max: 20 },
    reasons: ['offers MI', '8 years opioid experience', 'speaks Spanish', '14/20 caseload'],
    concerns: [],
    factors: [],
    isCurrentPrimaryTherapist: false,
    ...overrides,
  };
}

function place(overrides: Partial<CareTeamPlace>): CareTeamPlace {
  return {
    id: 'p1',
    patientId: 'pt',
    staffMemberId: 's1',
    staffName: 'Dr. Casey Rivera',
    staffJobRole: 'clinician',
    staffCredentials: [],
    staffActive: true,
    role: 'primary_therapist',
    startedAt: '2025-01-01T10:00:00.000Z',
    assignedByName: 'Dr. Sam Okafor',
    assignmentReason: null,
    endedAt: null,
    endedByName: null,
    changeReason: null,
    version: 1,
    ...overrides,
  };
}

describe('a therapist suggestion', () => {
  it('reads its reasons as one line', () => {
    expect(reasonsLine(suggestion())).toBe(
      'offers MI; 8 years opioid experience; speaks Spanish; 14/20 caseload',
    );
  });

  it('asks for confirmation only when the clinician has no room, saying why', () => {
    expect(confirmationFor(intl, suggestion())).toBeNull();
    expect(
      confirmationFor(
        intl,
        suggestion({
          available: false,
          caseload: { current: 20, max: 20 },
          concerns: ['caseload full (20/20)', 'does not speak Spanish'],
        }),
      ),
    ).toBe('Lucía Ortega has no room for a new patient (caseload full (20/20)). Assign anyway?');
  });
});

describe('validateAssignment', () => {
  const values = { staffMemberId: 'x', reason: '', confirmedUnavailable: false };

  it('needs a choice', () => {
    expect(
      validateAssignment(intl, { ...values, staffMemberId: null }, { replacing: false, chosen: undefined }),
    ).toEqual({
      staffMemberId: 'Choose a clinician',
    });
  });

  it('needs a reason when the primary therapist changes, not for a first assignment', () => {
    expect(validateAssignment(intl, values, { replacing: false, chosen: suggestion() })).toEqual({});
    expect(validateAssignment(intl, values, { replacing: true, chosen: suggestion() })).toEqual({
      reason: 'Say why the primary therapist changes',
    });
  });

  it('needs a reason and a confirmation to choose a clinician without room', () => {
    const full = suggestion({ available: false });
    expect(validateAssignment(intl, values, { replacing: false, chosen: full })).toEqual({
      reason: 'Say why you choose a clinician without room',
      confirmedUnavailable: 'Confirm that you choose a clinician without room',
    });
    expect(
      validateAssignment(
        intl,
        { ...values, reason: 'Saw them last year', confirmedUnavailable: true },
        { replacing: false, chosen: full },
      ),
    ).toEqual({});
  });

  it('refuses the current primary therapist again', () => {
    expect(
      validateAssignment(intl, values, {
        replacing: true,
        chosen: suggestion({ isCurrentPrimaryTherapist: true }),
      }).staffMemberId,
    ).toBe('Lucía Ortega is already the primary therapist');
  });
});

describe('historyEvents', () => {
  it('lists starts and ends, the latest first, a replacement reading new-then-old at the same moment', () => {
    const moment = '2025-03-01T09:00:00.000Z';
    const events = historyEvents(intl, [
      place({ id: 'new', staffName: 'Rosa Delgado', startedAt: moment, assignmentReason: 'Spanish speaker' }),
      place({ id: 'old', endedAt: moment, endedByName: 'Dr. Sam Okafor', changeReason: 'Spanish speaker' }),
    ]);
    expect(events.map((event) => [event.text, event.reason])).toEqual([
      ['Rosa Delgado became primary therapist', 'Spanish speaker'],
      ['Dr. Casey Rivera left the primary therapist place', 'Spanish speaker'],
      ['Dr. Casey Rivera became primary therapist', null],
    ]);
  });
});
