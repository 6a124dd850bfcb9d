import { roles } from '@tandem/core/identity/roles';
import { describe, expect, it } from 'vitest';
import {
  clinicalAccess,
  decideOnRecord,
  mayEverBreakGlass,
  mayInOrganization,
  mayOnRecord,
  offersBreakGlass,
  type RecordAccessFacts,
  seesPatientList,
} from './policy.ts';

describe('what the menus offer', () => {
  const offered = (action: 'read' | 'create' | 'update', resource: Parameters<typeof mayInOrganization>[2]) =>
    roles.filter((role) => mayInOrganization(role, action, resource));

  it('offers the staff directory to every staff role and to nobody in the portal', () => {
    expect(offered('read', 'staff_directory')).toEqual([
      'admin',
      'clinician',
      'prescriber',
      'front_desk',
      'supervisor',
    ]);
  });

  it('offers the audit view to administrators and supervisors, its break-the-glass reviews to supervisors', () => {
    expect(offered('read', 'audit_log')).toEqual(['admin', 'supervisor']);
    expect(offered('update', 'break_glass_review')).toEqual(['supervisor']);
  });

  it('offers staff changes, invitations, the outbox and the program settings to administrators only', () => {
    expect(offered('update', 'staff_directory')).toEqual(['admin']);
    expect(offered('create', 'staff_directory')).toEqual(['admin']);
    expect(offered('read', 'outbox')).toEqual(['admin']);
    expect(offered('update', 'organization_settings')).toEqual(['admin']);
  });

  it("offers the organization's patient list to staff, not to the portal", () => {
    expect(roles.filter(seesPatientList)).toEqual([
      'admin',
      'clinician',
      'prescriber',
      'front_desk',
      'supervisor',
    ]);
  });
});

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
    expect(decideOnRecord(clinician, onTeam, 'read', 'access_log', now).allowed).toBe(true);
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
    expect(mayOnRecord(clinician, record(), 'read', 'access_log', now)).toBe(false);
    for (const role of ['admin', 'supervisor'] as const)
      expect(mayOnRecord({ role, staffMemberId: 'x' }, record(), 'read', 'access_log', now)).toBe(true);
    expect(mayOnRecord({ role: 'front_desk', staffMemberId: 'x' }, record(), 'read', 'access_log', now)).toBe(
      false,
    );
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

describe('admission actions on a record', () => {
  const withCaseManager = record({ careTeam: [{ staffMemberId: 'casey', role: 'case_manager' }] });

  it('lets a clinician admit a patient they are not yet caring for', () => {
    const other = { role: 'clinician' as const, staffMemberId: 'other' };
    expect(mayOnRecord(other, withCaseManager, 'create', 'episode_of_care', now)).toBe(true);
    expect(mayOnRecord(other, withCaseManager, 'read', 'episode_of_care', now)).toBe(false);
  });

  it('keeps episodes from the front desk but lets them keep the intake checklist', () => {
    const desk = { role: 'front_desk' as const, staffMemberId: 'desk' };
    expect(mayOnRecord(desk, withCaseManager, 'read', 'episode_of_care', now)).toBe(false);
    expect(mayOnRecord(desk, withCaseManager, 'update', 'intake_checklist', now)).toBe(true);
  });

  it('lets the case manager change the episode but not diagnose', () => {
    const casey = { role: 'clinician' as const, staffMemberId: 'casey' };
    expect(mayOnRecord(casey, withCaseManager, 'update', 'episode_of_care', now)).toBe(true);
    expect(mayOnRecord(casey, withCaseManager, 'create', 'diagnosis', now)).toBe(false);
  });
});

describe('care team actions on a record', () => {
  const team = record({
    careTeam: [
      { staffMemberId: 'me', role: 'primary_therapist' },
      { staffMemberId: 'rx', role: 'prescriber' },
    ],
  });
  const mayChangeTeam = (role: (typeof roles)[number], staffMemberId: string) =>
    mayOnRecord({ role, staffMemberId }, team, 'update', 'care_team', now);

  it('lets the primary therapist and any supervisor change the team, not a prescriber or front desk', () => {
    expect(mayChangeTeam('clinician', 'me')).toBe(true);
    expect(mayChangeTeam('prescriber', 'rx')).toBe(false);
    expect(mayChangeTeam('supervisor', 'sup')).toBe(true);
    expect(mayChangeTeam('front_desk', 'fd')).toBe(false);
    expect(mayChangeTeam('clinician', 'other')).toBe(false);
  });

  it('shows therapist matching (which reads the episode) to the care team only', () => {
    expect(
      mayOnRecord({ role: 'clinician', staffMemberId: 'me' }, team, 'read', 'episode_of_care', now),
    ).toBe(true);
    expect(
      mayOnRecord({ role: 'front_desk', staffMemberId: 'fd' }, team, 'read', 'episode_of_care', now),
    ).toBe(false);
  });

  it('shows the portal invitations (the patient record tab) to the care team, not to front desk, admin or others', () => {
    const mayInvite = (role: (typeof roles)[number], staffMemberId: string) =>
      mayOnRecord({ role, staffMemberId }, team, 'read', 'portal_invitation', now) &&
      mayOnRecord({ role, staffMemberId }, team, 'create', 'portal_invitation', now);
    expect(mayInvite('clinician', 'me')).toBe(true);
    expect(mayInvite('prescriber', 'rx')).toBe(true);
    expect(mayInvite('clinician', 'other')).toBe(false);
    expect(mayInvite('front_desk', 'fd')).toBe(false);
    expect(mayInvite('admin', 'admin')).toBe(false);
  });
});
