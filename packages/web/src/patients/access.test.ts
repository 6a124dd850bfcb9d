import { describe, expect, it } from 'vitest';
import {
  clinicalAccess,
  decideRecordRead,
  mayEverBreakGlass,
  offersBreakGlass,
  type RecordAccessFacts,
} from './access.ts';

const now = new Date('2026-11-23T12:00:00Z');
const me = 'staff-me';
const record = (overrides: Partial<RecordAccessFacts> = {}): RecordAccessFacts => ({
  careTeam: [{ staffMemberId: 'staff-other', role: 'primary_therapist' }],
  access: { basis: 'organization_role', breakGlassExpiresAt: null },
  ...overrides,
});
const clinician = { role: 'clinician' as const, staffMemberId: me };

describe('what the record page offers', () => {
  it('closes clinical content to a clinician outside the care team and offers break-the-glass', () => {
    const decision = clinicalAccess(clinician, record(), now);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(/break-the-glass/);
    expect(offersBreakGlass(clinician, record(), now)).toBe(true);
  });

  it('opens it to the care team, without offering break-the-glass', () => {
    const onTeam = record({ careTeam: [{ staffMemberId: me, role: 'group_facilitator' }] });
    expect(clinicalAccess(clinician, onTeam, now)).toMatchObject({ allowed: true, basis: 'care_team' });
    expect(offersBreakGlass(clinician, onTeam, now)).toBe(false);
    expect(decideRecordRead(clinician, onTeam, 'access_log', now).allowed).toBe(true);
  });

  it('opens it under an unexpired grant, and closes it again once the grant has expired', () => {
    const open = record({
      access: { basis: 'organization_role', breakGlassExpiresAt: '2026-11-23T12:30:00Z' },
    });
    expect(clinicalAccess(clinician, open, now)).toMatchObject({ allowed: true, basis: 'break_glass' });
    expect(offersBreakGlass(clinician, open, now)).toBe(false);
    const expired = record({
      access: { basis: 'organization_role', breakGlassExpiresAt: '2026-11-23T11:59:00Z' },
    });
    expect(clinicalAccess(clinician, expired, now).allowed).toBe(false);
    expect(offersBreakGlass(clinician, expired, now)).toBe(true);
  });

  it('shows the access log to the care team, administrators and supervisors only', () => {
    expect(decideRecordRead(clinician, record(), 'access_log', now).allowed).toBe(false);
    for (const role of ['admin', 'supervisor'] as const)
      expect(decideRecordRead({ role, staffMemberId: 'x' }, record(), 'access_log', now).allowed).toBe(true);
    expect(
      decideRecordRead({ role: 'front_desk', staffMemberId: 'x' }, record(), 'access_log', now).allowed,
    ).toBe(false);
  });

  it('never offers break-the-glass to front desk or administrators', () => {
    for (const role of ['front_desk', 'admin'] as const) {
      expect(offersBreakGlass({ role, staffMemberId: 'x' }, record(), now)).toBe(false);
      expect(mayEverBreakGlass(role)).toBe(false);
    }
    for (const role of ['clinician', 'prescriber', 'supervisor'] as const)
      expect(mayEverBreakGlass(role)).toBe(true);
  });
});
