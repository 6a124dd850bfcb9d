import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import { invitationStatus } from '@tandem/core/invitations/invitation';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { invitationAcceptance } from './accept.ts';
import { invitationCreation } from './create.ts';
import { mayManageStaff, toInvitation } from './present.ts';
import { invitationRepository } from './repository.ts';
import type { Invitation, StaffCandidate } from './schemas.ts';

export interface InvitationServiceOptions {
  records: RecordKernel;
  /** The address links point at: `${publicUrl}/invitations/${token}`. */
  publicUrl: string;
  /** better-auth's password hash, so that the new sign-in verifies like every other. */
  hashPassword(password: string): Promise<string>;
  now?: () => Date;
}

const errors = defineMessages<{
  noSuchInvitation: NoValues;
  alreadyClosed: { status: 'accepted' | 'revoked' };
  changedBySomeoneElse: NoValues;
}>({
  noSuchInvitation: { id: 'invitations.errors.noSuchInvitation', defaultMessage: 'No such invitation.' },
  alreadyClosed: {
    id: 'invitations.errors.alreadyClosed',
    defaultMessage: 'This invitation was already {status, select, accepted {accepted} other {revoked}}.',
  },
  changedBySomeoneElse: {
    id: 'invitations.errors.changedBySomeoneElse',
    defaultMessage: 'Someone else changed this invitation; review it again.',
  },
});

/**
 * Invitations by one-time link: making them (create.ts), opening and accepting them (accept.ts), and here the
 * lists and withdrawal. Who may is decided by the routes' policies before any of this runs; every change is a
 * unit of work of the record kernel, every read of the list a kernel read.
 */
export function invitationService(options: InvitationServiceOptions) {
  const { records } = options;
  const now = options.now ?? (() => new Date());
  return {
    ...invitationCreation({ records, publicUrl: options.publicUrl, now }),
    ...invitationAcceptance({ records, hashPassword: options.hashPassword, now }),

    async staffCandidates(context: RecordContext): Promise<StaffCandidate[]> {
      return invitationRepository(records.db).staffWithoutSignIn(organizationOf(context));
    },

    /**
     * Open invitations the caller may see: staff ones for those who manage staff, patients' and support
     * contacts' ones for the patient's care team (route policy: portal_invitation, listed over the care team).
     * Every read of the list is audited: one event for the list (it shows invitees' names and emails), and one
     * more per patient whose invitation it shows.
     */
    async list(context: RecordContext, filter: { patientId?: string | undefined }): Promise<Invitation[]> {
      const { principal } = context;
      return records.read(context, async ({ trx, audit }) => {
        const rows = await invitationRepository(trx).listOpen({
          organizationId: principal.organizationId,
          userId: principal.userId,
          seesStaffInvitations: mayManageStaff(principal, now()),
          ...(filter.patientId === undefined ? {} : { patientId: filter.patientId }),
        });
        const patients = new Set(rows.flatMap((row) => (row.patientId === null ? [] : [row.patientId])));
        for (const patientId of [null, ...patients]) {
          audit({ resourceType: 'invitation', resourceId: null, patientId, fieldsChanged: null });
        }
        const at = now();
        return rows.map((row) => toInvitation(row, at));
      });
    },

    /** Withdraws an open invitation at the version the caller saw (route policy: the invitation's resource). */
    async revoke(context: RecordContext, invitationId: string, version: number): Promise<Invitation> {
      const organizationId = organizationOf(context);
      const current = async () => {
        const row = await invitationRepository(records.db).findById(organizationId, invitationId);
        return row === undefined ? undefined : toInvitation(row, now());
      };
      return records.write(context, async ({ trx, audit }) => {
        const repository = invitationRepository(trx);
        const revoked = await repository.revoke(
          organizationId,
          invitationId,
          version,
          context.principal.userId,
        );
        const after = await repository.findById(organizationId, invitationId);
        if (after === undefined) throw new DomainError('not_found', errors.noSuchInvitation);
        if (!revoked) {
          const status = invitationStatus(after, now());
          if (status === 'accepted' || status === 'revoked') {
            throw new Refusal('conflict', withValues(errors.alreadyClosed, { status }), { current });
          }
          throw new Refusal('version_conflict', errors.changedBySomeoneElse, { current });
        }
        audit({
          action: 'revoke',
          resourceType: 'invitation',
          resourceId: invitationId,
          patientId: after.patientId,
          fieldsChanged: ['revokedAt', 'revokedByUserId'],
        });
        return toInvitation(after, now());
      });
    },
  };
}

export type InvitationService = ReturnType<typeof invitationService>;
