import { describe, expect, it } from 'vitest';
import { disclosureCategories } from '../access/resources.ts';
import {
  familyInvitationMayNameProgram,
  type InvitationParties,
  invitationIntroduction,
  invitationStatus,
  unusableInvitationReason,
} from './invitation.ts';

const now = new Date('2026-11-23T12:00:00Z');
const later = new Date('2026-11-30T12:00:00Z');
const earlier = new Date('2026-11-23T11:59:59Z');

const base: InvitationParties = {
  kind: 'staff',
  role: 'clinician',
  organizationName: 'Harbor Light Treatment Center',
  inviterName: 'Dr. Casey Rivera, LCSW, CADC',
  patientName: null,
  mayNameProgram: false,
};

describe('invitationStatus', () => {
  it('is pending until it expires, and accepted or revoked once either happened', () => {
    const open = { expiresAt: later, acceptedAt: null, revokedAt: null };
    expect(invitationStatus(open, now)).toBe('pending');
    expect(invitationStatus({ ...open, expiresAt: earlier }, now)).toBe('expired');
    expect(invitationStatus({ ...open, expiresAt: now }, now)).toBe('expired');
    expect(invitationStatus({ ...open, acceptedAt: earlier }, now)).toBe('accepted');
    expect(invitationStatus({ ...open, revokedAt: earlier }, now)).toBe('revoked');
    expect(unusableInvitationReason(open, now)).toBeUndefined();
    expect(unusableInvitationReason({ ...open, expiresAt: earlier }, now)).toMatch(/expired/);
    expect(unusableInvitationReason({ ...open, acceptedAt: earlier }, now)).toMatch(/already been used/);
    expect(unusableInvitationReason({ ...open, revokedAt: earlier }, now)).toMatch(/withdrawn/);
  });
});

describe('family invitations (42 CFR Part 2)', () => {
  it('name the program only when the consent lets the program disclose attendance', () => {
    expect(familyInvitationMayNameProgram(['attendance', 'medications'])).toBe(true);
    for (const category of disclosureCategories.filter((candidate) => candidate !== 'attendance')) {
      expect(familyInvitationMayNameProgram([category])).toBe(false);
    }
    expect(familyInvitationMayNameProgram([])).toBe(false);
  });

  it('come from the patient, never from the clinician whose credentials say what kind of care this is', () => {
    expect(
      invitationIntroduction({ ...base, kind: 'family_member', role: 'family_member', patientName: 'Pat' }),
    ).toEqual({ invitedBy: 'Pat', organizationName: null, role: null });
  });

  it('name the program only when the consent allows it', () => {
    expect(
      invitationIntroduction({
        ...base,
        kind: 'family_member',
        role: 'family_member',
        patientName: 'Pat',
        mayNameProgram: true,
      }),
    ).toEqual({ invitedBy: 'Pat', organizationName: 'Harbor Light Treatment Center', role: null });
  });
});

describe('invitationIntroduction for staff and patients', () => {
  it('names the inviter and the program, and the role only to staff', () => {
    expect(invitationIntroduction(base)).toEqual({
      invitedBy: 'Dr. Casey Rivera, LCSW, CADC',
      organizationName: 'Harbor Light Treatment Center',
      role: 'clinician',
    });
    expect(invitationIntroduction({ ...base, kind: 'patient', role: 'patient' }).role).toBeNull();
  });
});
