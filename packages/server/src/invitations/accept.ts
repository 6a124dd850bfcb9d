import { defineMessages } from '@formatjs/intl';
import { DomainError, type UiLanguage } from '@tandem/core';
import {
  familyInvitationMayNameProgram,
  type InvitationState,
  invitationIntroduction,
  invitationStatus,
} from '@tandem/core/invitations/invitation';
import { uuidv7 } from 'uuidv7';
import { minimumPasswordLength, passwordProblem } from '../auth/password-policy.ts';
import type { AuditActor } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { previewWording } from './preview-wording.ts';
import { type InvitationRepository, type InvitationRow, invitationRepository } from './repository.ts';
import type { AcceptInvitation, InvitationPreview } from './schemas.ts';
import { hashToken } from './token.ts';

export interface InvitationAcceptanceOptions {
  records: RecordKernel;
  /** better-auth's password hash, so that the new sign-in verifies like every other. */
  hashPassword(password: string): Promise<string>;
  now: () => Date;
}

const errors = defineMessages({
  linkNotValid: {
    id: 'invitations.errors.linkNotValid',
    defaultMessage: 'This invitation link is not valid. Check that you copied all of it.',
  },
  noLongerUsable: {
    id: 'invitations.errors.noLongerUsable',
    defaultMessage: 'This invitation can no longer be used. Ask the program for a new one.',
  },
  alreadyUsed: {
    id: 'invitations.errors.alreadyUsed',
    defaultMessage: 'This invitation has already been used. Sign in with the password you chose.',
  },
  withdrawn: {
    id: 'invitations.errors.withdrawn',
    defaultMessage: 'This invitation was withdrawn. Ask the program for a new one.',
  },
  expired: {
    id: 'invitations.errors.expired',
    defaultMessage: 'This invitation has expired. Ask the program for a new one.',
  },
  alreadySignedIn: {
    id: 'invitations.errors.alreadySignedIn',
    defaultMessage:
      'You are signed in to Tandem, and this invitation makes a new sign-in for the person it was sent to. Sign out first, then open the link again.',
  },
  strongerPassword: {
    id: 'invitations.errors.strongerPassword',
    defaultMessage: 'Choose a stronger password.',
  },
  emailHasSignIn: {
    id: 'invitations.errors.emailHasSignIn',
    defaultMessage:
      'This email address already has a Tandem sign-in. Ask the program to invite another address.',
  },
});

const notFoundLink = () => new DomainError('not_found', errors.linkNotValid);

/** Why a link can no longer be used, for the person holding it (410); nothing while it is usable. */
function unusable(invitation: InvitationState, now: Date): DomainError | undefined {
  switch (invitationStatus(invitation, now)) {
    case 'accepted':
      return new DomainError('gone', errors.alreadyUsed);
    case 'revoked':
      return new DomainError('gone', errors.withdrawn);
    case 'expired':
      return new DomainError('gone', errors.expired);
    case 'pending':
      return undefined;
  }
}

/**
 * Opening and accepting a link (public: the token is the credential). Whoever holds the link has no principal, so
 * these are the kernel's account units of work (records.writeForAccount), audited in the invitation's
 * organization once its token has found it (auditIn).
 */
export function invitationAcceptance({ records, hashPassword, now }: InvitationAcceptanceOptions) {
  /**
   * Checks that the person invited can still be linked (and, for a loved one, that a consent still names them),
   * without telling which check failed; locks their row until the transaction ends.
   */
  async function assertTargetStillOpen(
    repository: InvitationRepository,
    invitation: InvitationRow,
  ): Promise<{ mayNameProgram: boolean; patientName: string | null }> {
    const noLonger = () => new DomainError('gone', errors.noLongerUsable);
    const { organizationId } = invitation;
    switch (invitation.kind) {
      case 'staff': {
        const staff = await repository.staffMemberForUpdate(organizationId, invitation.staffMemberId ?? '');
        if (staff === undefined || staff.userId !== null || !staff.active) throw noLonger();
        return { mayNameProgram: true, patientName: null };
      }
      case 'patient': {
        const patient = await repository.patientForUpdate(organizationId, invitation.patientId ?? '');
        if (patient === undefined || patient.userId !== null) throw noLonger();
        return { mayNameProgram: true, patientName: null };
      }
      case 'family_member': {
        const contact = await repository.supportContactForUpdate(
          organizationId,
          invitation.supportContactId ?? '',
        );
        if (contact === undefined || contact.userId !== null || !contact.active) throw noLonger();
        // The consent is checked again now: the patient may have revoked it since the invitation was made.
        const categories = await repository.consentedCategories(
          organizationId,
          contact.patientId,
          contact.id,
        );
        if (categories.length === 0) throw noLonger();
        const patient = await repository.patientForUpdate(organizationId, contact.patientId);
        return {
          mayNameProgram: familyInvitationMayNameProgram(categories),
          patientName: patient === undefined ? null : (patient.preferredName ?? patient.legalGivenName),
        };
      }
    }
  }

  /**
   * Someone signed in (a staff member who saw the link, say) tries to accept: refused, and recorded in the
   * invitation's organization (a patient's invitation on that patient's record), whoever's session it was.
   */
  async function refuseSignedIn(invitation: InvitationRow, signedIn: AuditActor): Promise<never> {
    await records.writeForAccount([], async ({ auditIn }) => {
      auditIn(
        { organizationId: invitation.organizationId, actor: signedIn },
        {
          action: 'accept',
          resourceType: 'invitation',
          resourceId: invitation.id,
          patientId: invitation.patientId,
          fieldsChanged: null,
          outcome: 'denied',
          reason: 'Signed in as someone else',
        },
      );
    });
    throw new DomainError('conflict', errors.alreadySignedIn);
  }

  return {
    /** What the link's page shows (public: the token is the credential); `actor` is whoever opens it. */
    async preview(token: string, actor: AuditActor, readerLanguage: UiLanguage): Promise<InvitationPreview> {
      return records.writeForAccount([], async ({ trx, auditIn }) => {
        const repository = invitationRepository(trx);
        const invitation = await repository.findByTokenHash(hashToken(token), { forUpdate: false });
        if (invitation === undefined) throw notFoundLink();
        const refusal = unusable(invitation, now());
        if (refusal !== undefined) throw refusal;
        const wording = await assertTargetStillOpen(repository, invitation);
        const organization = await repository.organization(invitation.organizationId);
        const introduction = invitationIntroduction({
          kind: invitation.kind,
          role: invitation.role,
          organizationName: organization.name,
          inviterName: invitation.createdByName,
          ...wording,
        });
        // Opening the link shows a patient's name to whoever holds it: that is recorded like any other read.
        auditIn(
          {
            organizationId: invitation.organizationId,
            actor: { ...actor, actorUserId: null, actorRole: 'invitee', actorName: null },
          },
          {
            action: 'read',
            resourceType: 'invitation',
            resourceId: invitation.id,
            patientId: invitation.patientId,
            fieldsChanged: null,
            outcome: 'allowed',
          },
        );
        return {
          kind: invitation.kind,
          email: invitation.email,
          ...previewWording(readerLanguage, introduction),
          language: invitation.language,
          expiresAt: invitation.expiresAt.toISOString(),
          minimumPasswordLength,
        };
      });
    },

    /**
     * Accepting: one unit of work creates the user (better-auth's password hash), the membership, links the
     * staff, patient or support-contact row and marks the invitation used. The invitation's row lock makes a
     * second, simultaneous acceptance wait and then find it used (410). Refused to anyone signed in (`signedIn`:
     * their audit actor): the link makes a new sign-in for the person it was sent to, never an identity more for
     * whoever holds a session.
     */
    async accept(
      token: string,
      actor: AuditActor,
      request: AcceptInvitation,
      signedIn: boolean,
    ): Promise<{ email: string }> {
      const tokenHash = hashToken(token);
      // Checked first without a lock, so that a dead link or a weak password costs no deliberately slow hash.
      const found = await invitationRepository(records.db).findByTokenHash(tokenHash, { forUpdate: false });
      if (found === undefined) throw notFoundLink();
      if (signedIn) await refuseSignedIn(found, actor);
      const refusedNow = unusable(found, now());
      if (refusedNow !== undefined) throw refusedNow;
      const weakness = passwordProblem(request.password, found.email);
      if (weakness !== undefined) {
        throw new DomainError('invalid_input', errors.strongerPassword, {
          fieldErrors: [{ path: 'body.password', message: weakness }],
        });
      }
      // Hashing is deliberately slow: done before the transaction so that no lock waits on it.
      const passwordHash = await hashPassword(request.password);
      return records.writeForAccount([], async ({ trx, auditIn }) => {
        const repository = invitationRepository(trx);
        const invitation = await repository.findByTokenHash(tokenHash, { forUpdate: true });
        if (invitation === undefined) throw notFoundLink();
        const refusal = unusable(invitation, now());
        if (refusal !== undefined) throw refusal;
        await assertTargetStillOpen(repository, invitation);
        if (await repository.userExists(invitation.email)) {
          throw new DomainError('conflict', errors.emailHasSignIn);
        }
        const userId = uuidv7();
        const { organizationId } = invitation;
        const organization = await repository.organization(organizationId);
        await repository.insertUser({
          id: userId,
          name: request.name,
          email: invitation.email,
          passwordHash,
          organizationId,
          role: invitation.role,
          // Invited in another language than the program's: they start in it (and may change it).
          language: invitation.language === organization.defaultLanguage ? null : invitation.language,
        });
        await repository.linkUser(organizationId, invitation, userId);
        await repository.markAccepted(organizationId, invitation.id, userId);
        auditIn(
          {
            organizationId,
            actor: { ...actor, actorUserId: userId, actorRole: invitation.role, actorName: request.name },
          },
          {
            action: 'accept',
            resourceType: 'invitation',
            resourceId: invitation.id,
            patientId: invitation.patientId,
            fieldsChanged: ['acceptedAt', 'acceptedUserId'],
            outcome: 'allowed',
          },
        );
        return { email: invitation.email };
      });
    },
  };
}
