import { describe, expect, it } from 'vitest';
import { mayOnRecord } from './access.ts';

const record = {
  careTeam: [{ staffMemberId: 'casey', role: 'case_manager' as const }],
  access: { basis: 'organization_role', breakGlassExpiresAt: null },
};
const now = new Date('2026-01-01T12:00:00Z');

describe('mayOnRecord', () => {
  it('lets a clinician admit a patient they are not yet caring for', () => {
    expect(
      mayOnRecord({ role: 'clinician', staffMemberId: 'other' }, record, 'create', 'episode_of_care', now),
    ).toBe(true);
    expect(
      mayOnRecord({ role: 'clinician', staffMemberId: 'other' }, record, 'read', 'episode_of_care', now),
    ).toBe(false);
  });

  it('keeps episodes from the front desk but lets them keep the intake checklist', () => {
    const desk = { role: 'front_desk' as const, staffMemberId: 'desk' };
    expect(mayOnRecord(desk, record, 'read', 'episode_of_care', now)).toBe(false);
    expect(mayOnRecord(desk, record, 'update', 'intake_checklist', now)).toBe(true);
  });

  it('lets the case manager change the episode but not diagnose', () => {
    const casey = { role: 'clinician' as const, staffMemberId: 'casey' };
    expect(mayOnRecord(casey, record, 'update', 'episode_of_care', now)).toBe(true);
    expect(mayOnRecord(casey, record, 'create', 'diagnosis', now)).toBe(false);
  });
});
