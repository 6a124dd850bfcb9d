import { describe, expect, it } from 'vitest';
import { mayChangeCareTeam, maySeeTherapistSuggestions } from './access.ts';

const now = new Date('2026-01-01T00:00:00Z');
const record = (careTeam: { staffMemberId: string; role: 'primary_therapist' | 'prescriber' }[]) => ({
  careTeam,
  access: { basis: 'organization_role', breakGlassExpiresAt: null },
});

describe('care team access in the record', () => {
  it('lets the primary therapist and any supervisor change the team, not a prescriber or front desk', () => {
    const team = record([
      { staffMemberId: 'me', role: 'primary_therapist' },
      { staffMemberId: 'rx', role: 'prescriber' },
    ]);
    expect(mayChangeCareTeam({ role: 'clinician', staffMemberId: 'me' }, team, now)).toBe(true);
    expect(mayChangeCareTeam({ role: 'prescriber', staffMemberId: 'rx' }, team, now)).toBe(false);
    expect(mayChangeCareTeam({ role: 'supervisor', staffMemberId: 'sup' }, team, now)).toBe(true);
    expect(mayChangeCareTeam({ role: 'front_desk', staffMemberId: 'fd' }, team, now)).toBe(false);
    expect(mayChangeCareTeam({ role: 'clinician', staffMemberId: 'other' }, team, now)).toBe(false);
  });

  it('shows therapist matching to the care team only', () => {
    const team = record([{ staffMemberId: 'me', role: 'primary_therapist' }]);
    expect(maySeeTherapistSuggestions({ role: 'clinician', staffMemberId: 'me' }, team, now)).toBe(true);
    expect(maySeeTherapistSuggestions({ role: 'front_desk', staffMemberId: 'fd' }, team, now)).toBe(false);
  });
});
