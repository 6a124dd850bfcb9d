import { describe, expect, it } from 'vitest';
import { disclosureCategories } from '../access/resources.ts';
import {
  familyInvitationMayNameProgram,
  type InvitationMessageInput,
  invitationIntroduction,
  invitationMessage,
  invitationStatus,
  unusableInvitationReason,
} from './invitation.ts';

const now = new Date('2026-11-23T12:00:00Z');
const later = new Date('2026-11-30T12:00:00Z');
const earlier = new Date('2026-11-23T11:59:59Z');

const base: InvitationMessageInput = {
  kind: 'staff',
  role: 'clinician',
  organizationName: 'Harbor Light Treatment Center',
  inviterName: 'Dr. Casey Rivera, LCSW, CADC',
  patientName: null,
  mayNameProgram: false,
  link: 'https://tandem.example/invitations/abc',
  expiresAt: later,
  timeZone: 'America/Los_Angeles',
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
    const message = invitationMessage({
      ...base,
      kind: 'family_member',
      role: 'family_member',
      patientName: 'Pat',
    });
    expect(message.subject).toBe('Pat has invited you to Tandem');
    expect(message.body).toContain('Pat has invited you to Tandem.');
    for (const text of [message.subject, message.body]) {
      expect(text).not.toMatch(/Casey|CADC|Harbor Light/);
      expect(text).not.toMatch(/treatment|recovery|addiction|substance|diagnos/i);
    }
    expect(message.body).toContain(base.link);
  });

  it('name the program in the body, never the subject, when the consent allows it', () => {
    const message = invitationMessage({
      ...base,
      kind: 'family_member',
      role: 'family_member',
      patientName: 'Pat',
      mayNameProgram: true,
    });
    expect(message.subject).toBe('Pat has invited you to Tandem');
    expect(message.body).toContain('at Harbor Light Treatment Center');
    expect(
      invitationIntroduction({ ...base, kind: 'family_member', patientName: 'Pat', mayNameProgram: false }),
    ).toEqual({ invitedBy: 'Pat', organizationName: null, roleLabel: null });
  });
});

describe('invitationMessage', () => {
  it('tells staff who invited them, where and as what, with the link and its expiry in local time', () => {
    const message = invitationMessage(base);
    expect(message.subject).toBe('Join Harbor Light Treatment Center on Tandem');
    expect(message.body).toContain(
      'Dr. Casey Rivera, LCSW, CADC has invited you to join Harbor Light Treatment Center on Tandem as Clinician.',
    );
    expect(message.body).toContain('expires on November 30, 2026 at 4:00 AM (America/Los_Angeles)');
    expect(message.body).toContain(base.link);
  });

  it('keeps a patient invitation subject free of the program and of anything clinical', () => {
    const message = invitationMessage({ ...base, kind: 'patient', role: 'patient' });
    expect(message.subject).toBe('You are invited to Tandem');
    expect(message.body).toContain('Dr. Casey Rivera, LCSW, CADC at Harbor Light Treatment Center');
  });

  it('falls back to UTC for a time zone it does not know', () => {
    expect(invitationMessage({ ...base, timeZone: 'Mars/Olympus' }).body).toContain(
      'expires on November 30, 2026 at 12:00 PM (UTC)',
    );
  });
});
