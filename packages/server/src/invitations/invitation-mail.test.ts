import { describe, expect, it } from 'vitest';
import { type InvitationMailInput, invitationMail } from './invitation-mail.ts';

const base: InvitationMailInput = {
  kind: 'staff',
  role: 'clinician',
  organizationName: 'Harbor Light Treatment Center',
  inviterName: 'Dr. Casey Rivera, LCSW, CADC',
  patientName: null,
  mayNameProgram: false,
  mailNamesProgram: true,
  link: 'https://tandem.example/invitations/abc',
  expiresAt: new Date('2026-11-30T12:00:00Z'),
  timeZone: 'America/Los_Angeles',
};
const family: InvitationMailInput = {
  ...base,
  kind: 'family_member',
  role: 'family_member',
  patientName: 'Pat',
};
const clinical =
  /treatment|recovery|addiction|substance|diagnos|tratamiento|recuperaci|adicci|sustancia|diagnós/i;

describe('invitationMail in English', () => {
  it('tells staff who invited them, where and as what, with the link and its expiry in local time', () => {
    const message = invitationMail('en', base);
    expect(message.subject).toBe('Join Harbor Light Treatment Center on Tandem');
    expect(message.body).toContain(
      'Dr. Casey Rivera, LCSW, CADC has invited you to join Harbor Light Treatment Center on Tandem as a clinician.',
    );
    expect(message.body).toContain('expires on November 30, 2026 at 4:00 AM (America/Los_Angeles)');
    expect(message.body).toContain(base.link);
  });

  it('keeps a patient invitation subject free of the program and of anything clinical', () => {
    const message = invitationMail('en', { ...base, kind: 'patient', role: 'patient' });
    expect(message.subject).toBe('You are invited to Tandem');
    expect(message.body).toContain('Dr. Casey Rivera, LCSW, CADC at Harbor Light Treatment Center');
  });

  it('falls back to UTC for a time zone it does not know', () => {
    expect(invitationMail('en', { ...base, timeZone: 'Mars/Olympus' }).body).toContain(
      'expires on November 30, 2026 at 12:00 PM (UTC)',
    );
  });
});

describe('family invitations (42 CFR Part 2), in both languages', () => {
  it.each(['en', 'es'] as const)(
    'in %s: come from the patient, never the clinician, and say nothing clinical',
    (language) => {
      const message = invitationMail(language, family);
      expect(message.subject).toContain('Pat');
      for (const text of [message.subject, message.body]) {
        expect(text).not.toMatch(/Casey|CADC|Harbor Light/);
        expect(text).not.toMatch(clinical);
      }
      expect(message.body).toContain(base.link);
    },
  );

  it('name the program in the body, never the subject, when the consent allows it', () => {
    const message = invitationMail('en', { ...family, mayNameProgram: true });
    expect(message.subject).toBe('Pat has invited you to Tandem');
    expect(message.body).toContain('Pat has invited you to Tandem, at Harbor Light Treatment Center.');
  });

  it('say "someone you know" when the patient has no name to give', () => {
    expect(invitationMail('en', { ...family, patientName: null }).subject).toBe(
      'Someone you know has invited you to Tandem',
    );
    expect(invitationMail('es', { ...family, patientName: null }).subject).toBe(
      'Alguien que usted conoce le invitó a Tandem',
    );
  });
});

describe('without the organization opting in to name the program in mail', () => {
  const optedOut = { ...base, mailNamesProgram: false };
  it.each(['en', 'es'] as const)(
    "in %s: a patient's and a loved one's mail name no program, even where the consent would allow it",
    (language) => {
      const patient = invitationMail(language, { ...optedOut, kind: 'patient', role: 'patient' });
      const lovedOne = invitationMail(language, {
        ...optedOut,
        kind: 'family_member',
        role: 'family_member',
        patientName: 'Pat',
        mayNameProgram: true,
      });
      for (const message of [patient, lovedOne]) {
        expect(`${message.subject}\n${message.body}`).not.toMatch(/Harbor Light|Treatment Center/);
        expect(message.body).toContain(base.link);
      }
      expect(patient.body.split('\n')[0]).toContain('Dr. Casey Rivera');
    },
  );

  it('still names the employer to a staff member', () => {
    expect(invitationMail('en', optedOut).body).toContain('to join Harbor Light Treatment Center on Tandem');
  });
});

describe('invitationMail in Spanish', () => {
  it('writes the whole message in Spanish, with the expiry in Spanish and in the program time zone', () => {
    const message = invitationMail('es', base);
    expect(message.subject).toBe('Únase a Harbor Light Treatment Center en Tandem');
    expect(message.body).toContain(
      'Dr. Casey Rivera, LCSW, CADC le invitó a unirse a Harbor Light Treatment Center en Tandem como profesional clínico.',
    );
    expect(message.body).toContain('30 de noviembre de 2026');
    expect(message.body).toContain('(America/Los_Angeles)');
    expect(message.body).not.toMatch(/invited|expires|password/);
  });
});
