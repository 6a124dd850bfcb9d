import type { InvitationKind } from '../invitations/invitation.ts';
import type { Action, OrganizationResource, PatientResource } from './resources.ts';

/** What a route on an invitation asks the access policy: the resource and action the invitation's kind stands for. */
export interface InvitationAccess {
  resource: OrganizationResource | PatientResource;
  action: Action;
}

/**
 * Which resource an invitation belongs to, for the access policy: a staff member's is the staff directory's
 * (adding someone to it; reading or withdrawing it takes the same right); a patient's is their portal
 * invitation; a support contact's is a change of the patient's support contacts (the primary therapist's or the
 * case manager's), except for reading it, which the patient's care team does with the patient's invitations.
 */
export function invitationAccessResource(kind: InvitationKind, action: Action): InvitationAccess {
  switch (kind) {
    case 'staff':
      return { resource: 'staff_directory', action: 'create' };
    case 'patient':
      return { resource: 'portal_invitation', action };
    case 'family_member':
      return action === 'read'
        ? { resource: 'portal_invitation', action }
        : { resource: 'support_contacts', action: 'update' };
  }
}
