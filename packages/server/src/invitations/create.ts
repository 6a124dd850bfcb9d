import { defineMessages } from '@formatjs/intl';
import { DomainError, matchUiLanguage, type StaffRole, type UiLanguage } from '@tandem/core';
import { familyInvitationMayNameProgram } from '@tandem/core/invitations/invitation';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import { outboxRepository } from '../outbox/repository.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import type { RecordKernel, UnitOfWork } from '../records/unit-of-work.ts';
import { invitationMail } from './invitation-mail.ts';
import { toInvitation } from './present.ts';
import { type InvitationTarget, invitationRepository } from './repository.ts';
import type { CreatedInvitation, StaffInvitationRequest } from './schemas.ts';
import { newToken } from './token.ts';

const errors = defineMessages<{
  emailSignsInHere: NoValues;
  emailHasSignInHere: NoValues;
  noSuchStaffMember: NoValues;
  staffHasSignIn: { name: string };
  staffInactive: { name: string };
  staffHasNoEmail: NoValues;
  enterEmailToSend: NoValues;
  describeNewStaff: NoValues;
  staffEmailListed: NoValues;
  alreadyInStaffList: NoValues;
  noSuchPatient: NoValues;
  patientHasSignIn: NoValues;
  patientHasNoEmail: NoValues;
  noSuchSupportContact: NoValues;
  contactInactive: NoValues;
  contactHasSignIn: NoValues;
  consentRequired: NoValues;
  contactHasNoEmail: NoValues;
}>({
  emailSignsInHere: {
    id: 'invitations.errors.emailSignsInHere',
    defaultMessage: 'Someone with this email address already signs in to this program.',
  },
  emailHasSignInHere: {
    id: 'invitations.errors.emailHasSignInHere',
    defaultMessage: 'This email address already has a sign-in here',
  },
  noSuchStaffMember: { id: 'invitations.errors.noSuchStaffMember', defaultMessage: 'No such staff member.' },
  staffHasSignIn: {
    id: 'invitations.errors.staffHasSignIn',
    defaultMessage: '{name} already has a sign-in.',
  },
  staffInactive: {
    id: 'invitations.errors.staffInactive',
    defaultMessage: '{name} is inactive; reactivate them first.',
  },
  staffHasNoEmail: {
    id: 'invitations.errors.staffHasNoEmail',
    defaultMessage: 'This staff member has no email address on file.',
  },
  enterEmailToSend: {
    id: 'invitations.errors.enterEmailToSend',
    defaultMessage: 'Enter the email address to send the invitation to',
  },
  describeNewStaff: {
    id: 'invitations.errors.describeNewStaff',
    defaultMessage: 'Describe the new staff member.',
  },
  staffEmailListed: {
    id: 'invitations.errors.staffEmailListed',
    defaultMessage: 'A staff member with this email address is already listed.',
  },
  alreadyInStaffList: {
    id: 'invitations.errors.alreadyInStaffList',
    defaultMessage: 'Already in the staff list: invite them from there',
  },
  noSuchPatient: { id: 'invitations.errors.noSuchPatient', defaultMessage: 'No such patient.' },
  patientHasSignIn: {
    id: 'invitations.errors.patientHasSignIn',
    defaultMessage: 'This patient already has a portal sign-in.',
  },
  patientHasNoEmail: {
    id: 'invitations.errors.patientHasNoEmail',
    defaultMessage: 'The patient has no email address on file.',
  },
  noSuchSupportContact: {
    id: 'invitations.errors.noSuchSupportContact',
    defaultMessage: 'No such support contact of this patient.',
  },
  contactInactive: {
    id: 'invitations.errors.contactInactive',
    defaultMessage: 'This support contact is no longer active.',
  },
  contactHasSignIn: {
    id: 'invitations.errors.contactHasSignIn',
    defaultMessage: 'This support contact already has a sign-in.',
  },
  consentRequired: {
    id: 'invitations.errors.consentRequired',
    defaultMessage:
      'The patient has no active written consent naming this support contact. Record the consent first; a support contact can only be invited while one is in effect.',
  },
  contactHasNoEmail: {
    id: 'invitations.errors.contactHasNoEmail',
    defaultMessage: 'The support contact has no email address on file.',
  },
});

export interface InvitationCreationOptions {
  records: RecordKernel;
  /** The address links point at: `${publicUrl}/invitations/${token}`. */
  publicUrl: string;
  now: () => Date;
}

/**
 * Making invitations: staff by an administrator, patients and (with consent) support contacts by the care team.
 * Who may is the route's policy (staff_directory, portal_invitation, support_contacts: invitationAccessResource);
 * each invitation, its outbox message and its audit events are one unit of work.
 */
export function invitationCreation({ records, publicUrl, now }: InvitationCreationOptions) {
  const linkFor = (token: string) => `${publicUrl.replace(/\/$/, '')}/invitations/${token}`;

  /**
   * Stores the invitation, its outbox message and its audit events in the unit's transaction; an open invitation
   * of the same person is revoked first (inviting again replaces the link: that is how a link is sent again).
   */
  async function createInvitation(
    unit: UnitOfWork,
    invitation: InvitationTarget & {
      email: string;
      role: StaffRole | 'patient' | 'family_member';
      /** Asked for, else the invitee's known language (a patient's preferred one), else the program's. */
      languages: (string | null | undefined)[];
    },
    wording: { patientName: string | null; mayNameProgram: boolean },
  ): Promise<CreatedInvitation> {
    const { trx, organizationId, context } = unit;
    const repository = invitationRepository(trx);
    const userId = context.principal.userId;
    if (await repository.emailHasMembership(organizationId, invitation.email)) {
      throw new DomainError('conflict', errors.emailSignsInHere, {
        fieldErrors: [{ path: 'body.email', message: errors.emailHasSignInHere }],
      });
    }
    const replaced = await repository.revokeOpenFor(organizationId, invitation, userId);
    for (const earlier of replaced) {
      unit.audit({
        action: 'revoke',
        resourceType: 'invitation',
        resourceId: earlier.id,
        patientId: earlier.patientId,
        fieldsChanged: ['revokedAt', 'revokedByUserId'],
        reason: 'Replaced by a new invitation',
      });
    }
    const { token, tokenHash } = newToken();
    const organization = await repository.organization(organizationId);
    const language = matchUiLanguage([...invitation.languages, organization.defaultLanguage]);
    const stored = await repository.insert({
      organizationId,
      kind: invitation.kind,
      email: invitation.email,
      role: invitation.role,
      staffMemberId: invitation.staffMemberId,
      patientId: invitation.patientId,
      supportContactId: invitation.supportContactId,
      tokenHash,
      createdByUserId: userId,
      language,
    });
    const created = await repository.findById(organizationId, stored.id);
    if (created === undefined) throw new Error('the invitation just stored is missing');
    const link = linkFor(token);
    const message = invitationMail(language, {
      mailNamesProgram: organization.mailNamesProgram,
      kind: invitation.kind,
      role: invitation.role,
      organizationName: organization.name,
      // The name the staff list shows, as the link's page does.
      inviterName: created.createdByName,
      patientName: wording.patientName,
      mayNameProgram: wording.mayNameProgram,
      link,
      expiresAt: stored.expiresAt,
      timeZone: organization.timeZone,
    });
    await outboxRepository(trx).insert({
      organizationId,
      kind: 'invitation',
      recipient: invitation.email,
      subject: message.subject,
      body: message.body,
      invitationId: stored.id,
    });
    unit.audit({
      action: 'create',
      resourceType: 'invitation',
      resourceId: stored.id,
      patientId: invitation.patientId,
      fieldsChanged: ['kind', 'email', 'role', 'expiresAt', 'language'],
    });
    return { invitation: toInvitation(created, now()), link };
  }

  return {
    /** An administrator invites a staff member (route policy: staff_directory create). */
    async inviteStaff(context: RecordContext, request: StaffInvitationRequest): Promise<CreatedInvitation> {
      return records.write(context, async (unit) => {
        const repository = invitationRepository(unit.trx);
        const organizationId = organizationOf(context);
        let staffMemberId: string;
        let email: string;
        let jobRole: StaffRole;
        if (request.staffMemberId !== undefined) {
          const staff = await repository.staffMemberForUpdate(organizationId, request.staffMemberId);
          if (staff === undefined) throw new DomainError('not_found', errors.noSuchStaffMember);
          if (staff.userId !== null) {
            throw new DomainError('conflict', withValues(errors.staffHasSignIn, { name: staff.displayName }));
          }
          if (!staff.active) {
            throw new DomainError('conflict', withValues(errors.staffInactive, { name: staff.displayName }));
          }
          const chosen = request.email ?? staff.email;
          if (chosen === null) {
            throw new DomainError('invalid_input', errors.staffHasNoEmail, {
              fieldErrors: [{ path: 'body.email', message: errors.enterEmailToSend }],
            });
          }
          staffMemberId = staff.id;
          email = chosen;
          jobRole = staff.jobRole;
        } else {
          const { displayName, email: newEmail, jobRole: newRole } = request;
          if (displayName === undefined || newEmail === undefined || newRole === undefined) {
            throw new DomainError('invalid_input', errors.describeNewStaff);
          }
          if (await repository.staffEmailTaken(organizationId, newEmail)) {
            throw new DomainError('conflict', errors.staffEmailListed, {
              fieldErrors: [{ path: 'body.email', message: errors.alreadyInStaffList }],
            });
          }
          staffMemberId = await repository.insertStaffMember(organizationId, {
            displayName,
            email: newEmail,
            jobRole: newRole,
          });
          email = newEmail;
          jobRole = newRole;
          unit.audit({
            action: 'create',
            resourceType: 'staff_member',
            resourceId: staffMemberId,
            patientId: null,
            fieldsChanged: ['displayName', 'email', 'jobRole'],
          });
        }
        return createInvitation(
          unit,
          {
            kind: 'staff',
            staffMemberId,
            patientId: null,
            supportContactId: null,
            email,
            role: jobRole,
            languages: [request.language],
          },
          { patientName: null, mayNameProgram: true },
        );
      });
    },

    /** The care team invites a patient to the portal (route policy: portal_invitation create). */
    async invitePatient(
      context: RecordContext,
      patientId: string,
      request: { email?: string | undefined; language?: UiLanguage | undefined },
    ): Promise<CreatedInvitation> {
      return records.write(context, async (unit) => {
        const repository = invitationRepository(unit.trx);
        const patient = await repository.patientForUpdate(unit.organizationId, patientId);
        if (patient === undefined) throw new DomainError('not_found', errors.noSuchPatient);
        if (patient.userId !== null) throw new DomainError('conflict', errors.patientHasSignIn);
        const email = request.email ?? patient.email;
        if (email === null) {
          throw new DomainError('invalid_input', errors.patientHasNoEmail, {
            fieldErrors: [{ path: 'body.email', message: errors.enterEmailToSend }],
          });
        }
        return createInvitation(
          unit,
          {
            kind: 'patient',
            staffMemberId: null,
            patientId,
            supportContactId: null,
            email,
            role: 'patient',
            languages: [request.language, patient.preferredLanguage],
          },
          { patientName: null, mayNameProgram: true },
        );
      });
    },

    /**
     * The care team invites a patient's support contact (route policy: support_contacts update), only while an
     * active written consent of the patient names that contact (42 CFR Part 2): without one, a sign-in would open
     * nothing and its invitation would itself disclose that the patient is in the program.
     */
    async inviteFamilyMember(
      context: RecordContext,
      patientId: string,
      supportContactId: string,
      request: { email?: string | undefined; language?: UiLanguage | undefined },
    ): Promise<CreatedInvitation> {
      return records.write(context, async (unit) => {
        const repository = invitationRepository(unit.trx);
        const { organizationId } = unit;
        const contact = await repository.supportContactForUpdate(organizationId, supportContactId);
        if (contact === undefined || contact.patientId !== patientId) {
          throw new DomainError('not_found', errors.noSuchSupportContact);
        }
        if (!contact.active) throw new DomainError('conflict', errors.contactInactive);
        if (contact.userId !== null) throw new DomainError('conflict', errors.contactHasSignIn);
        const categories = await repository.consentedCategories(organizationId, patientId, supportContactId);
        if (categories.length === 0) {
          throw new DomainError('conflict', errors.consentRequired, {
            details: { reason: 'consent_required' },
          });
        }
        const email = request.email ?? contact.email;
        if (email === null) {
          throw new DomainError('invalid_input', errors.contactHasNoEmail, {
            fieldErrors: [{ path: 'body.email', message: errors.enterEmailToSend }],
          });
        }
        const patient = await repository.patientForUpdate(organizationId, patientId);
        if (patient === undefined) throw new DomainError('not_found', errors.noSuchPatient);
        return createInvitation(
          unit,
          {
            kind: 'family_member',
            staffMemberId: null,
            patientId,
            supportContactId,
            email,
            role: 'family_member',
            // Loved ones often read the patient's language; the care team chooses when they do not.
            languages: [request.language, patient.preferredLanguage],
          },
          {
            patientName: patient.preferredName ?? patient.legalGivenName,
            mayNameProgram: familyInvitationMayNameProgram(categories),
          },
        );
      });
    },
  };
}
