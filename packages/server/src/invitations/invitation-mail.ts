import { defineMessages } from '@formatjs/intl';
import type { StaffRole, UiLanguage } from '@tandem/core';
import { type InvitationParties, invitationIntroduction } from '@tandem/core/invitations/invitation';
import { intlFor } from '../i18n/intl.ts';

type NoValues = Record<never, never>;
type RoleValue = { role: StaffRole | 'other' };

const messages = defineMessages<{
  staffSubject: { organization: string };
  staffInvite: { inviter: string; organization: string } & RoleValue;
  patientSubject: NoValues;
  patientInvite: { inviter: string; organization: string };
  patientInviteUnnamedProgram: { inviter: string };
  familySubject: { inviter: string };
  familySubjectUnnamed: NoValues;
  familyInvite: { inviter: string };
  familyInviteUnnamed: NoValues;
  familyInviteAt: { inviter: string; organization: string };
  familyInviteAtUnnamed: { organization: string };
  openLink: { expires: string; timeZone: string };
  notExpecting: NoValues;
}>({
  staffSubject: { id: 'invitations.mail.staffSubject', defaultMessage: 'Join {organization} on Tandem' },
  staffInvite: {
    id: 'invitations.mail.staffInvite',
    defaultMessage:
      '{inviter} has invited you to join {organization} on Tandem as {role, select, admin {an administrator} clinician {a clinician} prescriber {a prescriber} front_desk {front desk staff} supervisor {a clinical supervisor} other {a staff member}}.',
  },
  patientSubject: { id: 'invitations.mail.patientSubject', defaultMessage: 'You are invited to Tandem' },
  patientInvite: {
    id: 'invitations.mail.patientInvite',
    defaultMessage: '{inviter} at {organization} has invited you to set up your Tandem sign-in.',
  },
  patientInviteUnnamedProgram: {
    id: 'invitations.mail.patientInviteUnnamedProgram',
    defaultMessage: '{inviter} has invited you to set up your Tandem sign-in.',
  },
  familySubject: {
    id: 'invitations.mail.familySubject',
    defaultMessage: '{inviter} has invited you to Tandem',
  },
  familySubjectUnnamed: {
    id: 'invitations.mail.familySubjectUnnamed',
    defaultMessage: 'Someone you know has invited you to Tandem',
  },
  familyInvite: {
    id: 'invitations.mail.familyInvite',
    defaultMessage: '{inviter} has invited you to Tandem.',
  },
  familyInviteUnnamed: {
    id: 'invitations.mail.familyInviteUnnamed',
    defaultMessage: 'Someone you know has invited you to Tandem.',
  },
  familyInviteAt: {
    id: 'invitations.mail.familyInviteAt',
    defaultMessage: '{inviter} has invited you to Tandem, at {organization}.',
  },
  familyInviteAtUnnamed: {
    id: 'invitations.mail.familyInviteAtUnnamed',
    defaultMessage: 'Someone you know has invited you to Tandem, at {organization}.',
  },
  openLink: {
    id: 'invitations.mail.openLink',
    defaultMessage:
      'Open this link to choose your password. It works once and expires on {expires} ({timeZone}):',
  },
  notExpecting: {
    id: 'invitations.mail.notExpecting',
    defaultMessage:
      'If you were not expecting this message, you can ignore it; nothing happens until the link is opened.',
  },
});

export interface InvitationMailInput extends InvitationParties {
  /**
   * The organization's opt-in (organizations.mail_names_program): without it a patient's or a loved one's mail
   * names no program, subject or body, whatever the link's page may show once opened.
   */
  mailNamesProgram: boolean;
  link: string;
  expiresAt: Date;
  /** IANA time zone of the organization, for the expiry time in the message. */
  timeZone: string;
}

/**
 * The e-mail an invitation sends, in the invitee's language: minimal, no clinical word anywhere. A patient's and a
 * loved one's subject line names neither the program nor the person (mailboxes are shared and previews are read
 * over shoulders); only a staff invitation names the organization in its subject. Their body names the program
 * only when the organization opted in (and, for a loved one, the patient's consent allows it: core's
 * invitationIntroduction, 42 CFR Part 2), since a mail client shows the body's first line as its preview.
 */
export function invitationMail(
  language: UiLanguage,
  input: InvitationMailInput,
): { subject: string; body: string } {
  const intl = intlFor(language, input.timeZone);
  const introduction = invitationIntroduction(input);
  const closing = [
    intl.formatMessage(messages.openLink, {
      expires: intl.formatDate(input.expiresAt, { dateStyle: 'long', timeStyle: 'short' }),
      timeZone: intl.timeZone ?? 'UTC',
    }),
    '',
    input.link,
    '',
    intl.formatMessage(messages.notExpecting),
  ];
  const organization = input.organizationName;
  switch (input.kind) {
    case 'staff':
      return {
        subject: intl.formatMessage(messages.staffSubject, { organization }),
        body: [
          intl.formatMessage(messages.staffInvite, {
            inviter: introduction.invitedBy ?? '',
            organization,
            role: introduction.role ?? 'other',
          }),
          '',
          ...closing,
        ].join('\n'),
      };
    case 'patient':
      return {
        subject: intl.formatMessage(messages.patientSubject),
        body: [
          input.mailNamesProgram
            ? intl.formatMessage(messages.patientInvite, {
                inviter: introduction.invitedBy ?? '',
                organization,
              })
            : intl.formatMessage(messages.patientInviteUnnamedProgram, {
                inviter: introduction.invitedBy ?? '',
              }),
          '',
          ...closing,
        ].join('\n'),
      };
    case 'family_member': {
      const inviter = introduction.invitedBy;
      // Named only when both the patient's consent and the organization's opt-in allow it.
      const named = input.mailNamesProgram ? introduction.organizationName : null;
      const opening =
        named === null
          ? inviter === null
            ? intl.formatMessage(messages.familyInviteUnnamed)
            : intl.formatMessage(messages.familyInvite, { inviter })
          : inviter === null
            ? intl.formatMessage(messages.familyInviteAtUnnamed, { organization: named })
            : intl.formatMessage(messages.familyInviteAt, { inviter, organization: named });
      return {
        subject:
          inviter === null
            ? intl.formatMessage(messages.familySubjectUnnamed)
            : intl.formatMessage(messages.familySubject, { inviter }),
        body: [opening, '', ...closing].join('\n'),
      };
    }
  }
}
