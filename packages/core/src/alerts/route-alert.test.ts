import { describe, expect, it } from 'vitest';
import { escalationRecipients, type RoutingFacts, routeAlert } from './route-alert.ts';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  careTeam: [
    { userId: 'therapist', place: 'primary_therapist' },
    { userId: 'manager', place: 'case_manager' },
    { userId: 'doctor', place: 'prescriber' },
    { userId: 'sup-on-team', place: 'supervisor' },
  ],
  primaryTherapistSupervisors: ['sup-2'],
  onDuty: [],
  supervisors: ['sup-on-team', 'sup-2'],
  administrators: ['admin'],
  ...overrides,
});

describe('routeAlert', () => {
  it('sends a risk signal to the primary therapist, the prescriber and the team supervisor', () => {
    expect(routeAlert('risk_signal', facts())).toEqual([
      { userId: 'therapist', reason: 'primary_therapist' },
      { userId: 'doctor', reason: 'prescriber' },
      { userId: 'sup-on-team', reason: 'supervisor' },
    ]);
  });

  it('sends an overdue intake item to the primary therapist and case manager', () => {
    expect(routeAlert('intake_item_overdue', facts()).map((r) => r.userId)).toEqual(['therapist', 'manager']);
  });

  it('sends a break-the-glass review to the supervisors of the primary therapist', () => {
    expect(routeAlert('break_glass_review', facts(), 'doctor')).toEqual([
      { userId: 'sup-2', reason: 'primary_therapist_supervisors' },
    ]);
  });

  it('sends a break-the-glass review to every supervisor when the primary therapist has none', () => {
    expect(
      routeAlert('break_glass_review', facts({ primaryTherapistSupervisors: [] }), 'doctor').map(
        (r) => r.userId,
      ),
    ).toEqual(['sup-on-team', 'sup-2']);
  });

  it('never sends a break-the-glass review to whoever broke the glass, at any step', () => {
    // The grantee supervises the primary therapist: the other supervisors review it.
    expect(routeAlert('break_glass_review', facts(), 'sup-2')).toEqual([
      { userId: 'sup-on-team', reason: 'fallback_supervisors' },
    ]);
    // The grantee is the only supervisor: the administrators review it.
    expect(
      routeAlert('break_glass_review', facts({ supervisors: ['sup-2'] }), 'sup-2').map((r) => r.userId),
    ).toEqual(['admin']);
    // Other kinds still reach the person who raised them (a therapist flags a risk in their own patient).
    expect(routeAlert('risk_signal', facts(), 'therapist').map((r) => r.userId)).toContain('therapist');
  });

  it('sends a risk signal to whoever is on duty as well as the care team', () => {
    expect(routeAlert('risk_signal', facts({ onDuty: ['night-nurse', 'doctor'] }))).toEqual([
      { userId: 'night-nurse', reason: 'on_duty' },
      { userId: 'doctor', reason: 'on_duty' },
      { userId: 'therapist', reason: 'primary_therapist' },
      { userId: 'sup-on-team', reason: 'supervisor' },
    ]);
  });

  it('sends a risk signal to whoever is on duty when the patient has no care team', () => {
    expect(routeAlert('risk_signal', facts({ careTeam: [], onDuty: ['night-nurse'] }))).toEqual([
      { userId: 'night-nurse', reason: 'on_duty' },
    ]);
  });

  it('names each person once, with the first reason that found them', () => {
    const samePerson = facts({
      careTeam: [
        { userId: 'casey', place: 'primary_therapist' },
        { userId: 'casey', place: 'prescriber' },
      ],
    });
    expect(routeAlert('risk_signal', samePerson)).toEqual([{ userId: 'casey', reason: 'primary_therapist' }]);
  });

  it('goes to the supervisors when its routing finds nobody', () => {
    expect(routeAlert('risk_signal', facts({ careTeam: [] }))).toEqual([
      { userId: 'sup-on-team', reason: 'fallback_supervisors' },
      { userId: 'sup-2', reason: 'fallback_supervisors' },
    ]);
  });

  it('goes to the administrators when there is no supervisor either', () => {
    expect(
      routeAlert('break_glass_review', facts({ supervisors: [], primaryTherapistSupervisors: [] })),
    ).toEqual([{ userId: 'admin', reason: 'fallback_administrators' }]);
  });

  it('routes to nobody only in a program with no supervisor and no administrator', () => {
    expect(
      routeAlert('risk_signal', {
        careTeam: [],
        primaryTherapistSupervisors: [],
        onDuty: [],
        supervisors: [],
        administrators: [],
      }),
    ).toEqual([]);
  });
});

describe('escalationRecipients', () => {
  it('adds the supervisors the alert has not reached yet', () => {
    expect(escalationRecipients(facts(), ['therapist', 'sup-on-team'])).toEqual([
      { userId: 'sup-2', reason: 'escalation' },
    ]);
  });

  it('never escalates a break-the-glass review to whoever broke the glass', () => {
    expect(
      escalationRecipients(facts(), ['sup-2'], { kind: 'break_glass_review', raisedBy: 'sup-on-team' }),
    ).toEqual([]);
    expect(
      escalationRecipients(facts({ supervisors: ['sup-on-team'] }), [], {
        kind: 'break_glass_review',
        raisedBy: 'sup-on-team',
      }),
    ).toEqual([{ userId: 'admin', reason: 'escalation' }]);
  });

  it('escalates to the administrators in a program without supervisors', () => {
    expect(escalationRecipients(facts({ supervisors: [] }), ['therapist'])).toEqual([
      { userId: 'admin', reason: 'escalation' },
    ]);
  });
});
