import { describe, expect, it } from 'vitest';
import { escalationRecipients, type RoutingFacts, routeAlert } from './route-alert.ts';

const facts = (overrides: Partial<RoutingFacts> = {}): RoutingFacts => ({
  careTeam: [
    { userId: 'therapist', place: 'primary_therapist' },
    { userId: 'manager', place: 'case_manager' },
    { userId: 'doctor', place: 'prescriber' },
    { userId: 'sup-on-team', place: 'supervisor' },
  ],
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

  it('sends break-the-glass reviews to every supervisor of the program', () => {
    expect(routeAlert('break_glass_review', facts()).map((r) => r.userId)).toEqual(['sup-on-team', 'sup-2']);
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
    expect(routeAlert('break_glass_review', facts({ supervisors: [] }))).toEqual([
      { userId: 'admin', reason: 'fallback_administrators' },
    ]);
  });

  it('routes to nobody only in a program with no supervisor and no administrator', () => {
    expect(routeAlert('risk_signal', { careTeam: [], supervisors: [], administrators: [] })).toEqual([]);
  });
});

describe('escalationRecipients', () => {
  it('adds the supervisors the alert has not reached yet', () => {
    expect(escalationRecipients(facts(), ['therapist', 'sup-on-team'])).toEqual([
      { userId: 'sup-2', reason: 'escalation' },
    ]);
  });

  it('escalates to the administrators in a program without supervisors', () => {
    expect(escalationRecipients(facts({ supervisors: [] }), ['therapist'])).toEqual([
      { userId: 'admin', reason: 'escalation' },
    ]);
  });
});
