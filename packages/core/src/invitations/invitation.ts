import type { DisclosureCategory } from '../access/resources.ts';
import { isStaffRole, type Role, type StaffRole } from '../identity/roles.ts';

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
  /** Who the invitation says it is from; null for a loved one whose patient has no name to give ("someone you know"). */
  invitedBy: string | null;
  /** The program, or null where naming it would disclose more than the patient consented to. */
  organizationName: string | null;
  /** What a staff member will be; null for patients and loved ones (the role says nothing they need). */
  role: StaffRole | null;
}

/**
 * Who invites, as the person reading the message or the link's page sees it. A loved one is told that the
 * patient invited them: not the clinician, whose name and credentials (a "CADC", an "LCDC") would say what kind of
 * care this is.
 */
export function invitationIntroduction(parties: InvitationParties): InvitationIntroduction {
  if (parties.kind === 'family_member') {
    return {
      invitedBy: parties.patientName,
      organizationName: parties.mayNameProgram ? parties.organizationName : null,
      role: null,
    };
  }
  return {
    invitedBy: parties.inviterName,
    organizationName: parties.organizationName,
    role: parties.kind === 'staff' && isStaffRole(parties.role) ? parties.role : null,
  };
}
