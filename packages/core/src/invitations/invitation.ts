import type { DisclosureCategory } from '../access/resources.ts';
import { type Role, roleLabels } from '../identity/roles.ts';

/**
 * Invitations: a one-time link that lets a person set a password and join an organization in one role. Staff
 * are invited by an administrator; patients, and (with the patient's written consent) their loved ones, by the
 * care team. What the invitation says is decided here, once, for the message in the outbox and the page the
 * link opens alike.
 */
export const invitationKinds = ['staff', 'patient', 'family_member'] as const;
export type InvitationKind = (typeof invitationKinds)[number];

export const invitationValidityDays = 7;

export type InvitationStatus = 'pending' | 'expired' | 'accepted' | 'revoked';

export interface InvitationState {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function invitationStatus(invitation: InvitationState, now: Date): InvitationStatus {
  if (invitation.acceptedAt !== null) return 'accepted';
  if (invitation.revokedAt !== null) return 'revoked';
  return invitation.expiresAt.getTime() > now.getTime() ? 'pending' : 'expired';
}

/** Why a link can no longer be used, in words for the person holding it; undefined while it is usable. */
export function unusableInvitationReason(invitation: InvitationState, now: Date): string | undefined {
  switch (invitationStatus(invitation, now)) {
    case 'accepted':
      return 'This invitation has already been used. Sign in with the password you chose.';
    case 'revoked':
      return 'This invitation was withdrawn. Ask the program for a new one.';
    case 'expired':
      return 'This invitation has expired. Ask the program for a new one.';
    case 'pending':
      return undefined;
  }
}

/**
 * A loved one's invitation travels outside the treating program, so under 42 CFR Part 2 it may not reveal that
 * the patient is in substance use treatment beyond what the patient's consent allows. Naming the program tells
 * the reader that the patient attends it; only a consent that lets the program disclose attendance allows that.
 */
export function familyInvitationMayNameProgram(consentedCategories: readonly DisclosureCategory[]): boolean {
  return consentedCategories.includes('attendance');
}

export interface InvitationParties {
  kind: InvitationKind;
  role: Role;
  organizationName: string;
  /** The staff member who created the invitation. */
  inviterName: string;
  /** Family invitations: the name the patient goes by (preferred, else given name). */
  patientName: string | null;
  /** Family invitations: whether the consent lets the program be named (familyInvitationMayNameProgram). */
  mayNameProgram: boolean;
}

export interface InvitationIntroduction {
  /** Who the invitation says it is from. */
  invitedBy: string;
  /** The program, or null where naming it would disclose more than the patient consented to. */
  organizationName: string | null;
  /** What the person will be, in plain words; null for a loved one (the role says nothing they need). */
  roleLabel: string | null;
}

/**
 * Who invites, as the person reading the message or the link's page sees it. A loved one is told that the
 * patient invited them: not the clinician, whose name and credentials (a "CADC", an "LCDC") would say what kind of
 * care this is.
 */
export function invitationIntroduction(parties: InvitationParties): InvitationIntroduction {
  if (parties.kind === 'family_member') {
    return {
      invitedBy: parties.patientName ?? 'Someone you know',
      organizationName: parties.mayNameProgram ? parties.organizationName : null,
      roleLabel: null,
    };
  }
  return {
    invitedBy: parties.inviterName,
    organizationName: parties.organizationName,
    roleLabel: parties.kind === 'staff' ? roleLabels[parties.role] : null,
  };
}

export interface InvitationMessage {
  subject: string;
  body: string;
}

export interface InvitationMessageInput extends InvitationParties {
  link: string;
  expiresAt: Date;
  /** IANA time zone of the organization, for the expiry time in the message. */
  timeZone: string;
}

/**
 * The e-mail an invitation sends: minimal, no clinical word anywhere. A patient's and a loved one's subject line
 * names neither the program nor the person (mailboxes are shared and previews are read over shoulders); only a
 * staff invitation names the organization in its subject.
 */
export function invitationMessage(input: InvitationMessageInput): InvitationMessage {
  const introduction = invitationIntroduction(input);
  const expires = formatExpiry(input.expiresAt, input.timeZone);
  const closing = [
    `Open this link to choose your password. It works once and expires ${expires}:`,
    '',
    input.link,
    '',
    'If you were not expecting this message, you can ignore it; nothing happens until the link is opened.',
  ];
  switch (input.kind) {
    case 'staff':
      return {
        subject: `Join ${input.organizationName} on Tandem`,
        body: [
          `${introduction.invitedBy} has invited you to join ${input.organizationName} on Tandem as ${introduction.roleLabel}.`,
          '',
          ...closing,
        ].join('\n'),
      };
    case 'patient':
      return {
        subject: 'You are invited to Tandem',
        body: [
          `${introduction.invitedBy} at ${input.organizationName} has invited you to set up your Tandem sign-in.`,
          '',
          ...closing,
        ].join('\n'),
      };
    case 'family_member':
      return {
        subject: `${introduction.invitedBy} has invited you to Tandem`,
        body: [
          introduction.organizationName === null
            ? `${introduction.invitedBy} has invited you to Tandem.`
            : `${introduction.invitedBy} has invited you to Tandem, at ${introduction.organizationName}.`,
          '',
          ...closing,
        ].join('\n'),
      };
  }
}

function formatExpiry(expiresAt: Date, timeZone: string): string {
  const format = (zone: string) =>
    new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(
      expiresAt,
    );
  try {
    return `on ${format(timeZone)} (${timeZone})`;
  } catch {
    // An organization time zone Intl does not know: UTC is still exact.
    return `on ${format('UTC')} (UTC)`;
  }
}
