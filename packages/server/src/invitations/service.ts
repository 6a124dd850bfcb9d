import { DomainError } from '@tandem/core';
import { invitationStatus } from '@tandem/core/invitations/invitation';
import type { Kysely } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { Principal } from '../identity/principal.ts';
import { invitationAcceptance } from './accept.ts';
import { invitationCreation } from './create.ts';
import { auditRefusal, invitationAuditEvent, type RequestOrigin } from './invitation-audit.ts';
import { authorizePatientInvitation } from './patient-invitation-access.ts';
import { mayManageStaff, toInvitation } from './present.ts';
import { invitationRepository } from './repository.ts';
import type { Invitation, StaffCandidate } from './schemas.ts';

export type { RequestOrigin } from './invitation-audit.ts';

export interface InvitationServiceOptions {
  db: Kysely<DB>;
  /** The address links point at: `${publicUrl}/invitations/${token}`. */
  publicUrl: string;
  /** better-auth's password hash, so that the new sign-in verifies like every other. */
  hashPassword(password: string): Promise<string>;
  now?: () => Date;
}

/**
 * Invitations by one-time link: making them (create.ts), opening and accepting them (accept.ts), and here the
 * lists and withdrawal. Every write appends its audit events in its own transaction.
 */
export function invitationService(options: InvitationServiceOptions) {
  const { db } = options;
  const now = options.now ?? (() => new Date());
  return {
    ...invitationCreation({ db, publicUrl: options.publicUrl, now }),
    ...invitationAcceptance({ db, hashPassword: options.hashPassword, now }),

    async staffCandidates(principal: Principal): Promise<StaffCandidate[]> {
      return invitationRepository(db).staffWithoutSignIn(principal.organizationId);
    },

    /**
     * Open invitations the caller may see: staff ones for those who manage staff, patients' and support
     * contacts' ones for the patient's care team. Every read of the list is audited: one event for the list (it
     * shows invitees' names and emails), and one more per patient whose invitation it shows.
     */
    async list(principal: Principal, origin: RequestOrigin, filter: { patientId?: string | undefined }) {
      const rows = await invitationRepository(db).listOpen({
        organizationId: principal.organizationId,
        userId: principal.userId,
        seesStaffInvitations: mayManageStaff(principal, now()),
        ...(filter.patientId === undefined ? {} : { patientId: filter.patientId }),
      });
      const patients = [...new Set(rows.flatMap((row) => (row.patientId === null ? [] : [row.patientId])))];
      await db.transaction().execute((trx) =>
        appendAuditEvents(
          trx,
          principal.organizationId,
          [null, ...patients].map((patientId) =>
            invitationAuditEvent(principal, origin, {
              action: 'read',
              resourceId: null,
              patientId,
              fieldsChanged: null,
            }),
          ),
        ),
      );
      const at = now();
      return rows.map((row) => toInvitation(row, at));
    },

    async revoke(
      principal: Principal,
      origin: RequestOrigin,
      invitationId: string,
      version: number,
    ): Promise<Invitation> {
      const repository = invitationRepository(db);
      const current = await repository.findById(principal.organizationId, invitationId);
      // Another organization's invitation looks exactly like one that does not exist.
      if (current === undefined) throw new DomainError('not_found', 'No such invitation.');
      if (current.kind === 'staff') {
        if (!mayManageStaff(principal, now())) {
          throw new DomainError('forbidden', 'Only administrators withdraw staff invitations.');
        }
      } else {
        const refusal = await authorizePatientInvitation(
          db,
          principal,
          current.patientId ?? '',
          current.kind,
          now(),
        );
        if (refusal !== undefined) {
          return auditRefusal(db, principal, origin, current.patientId ?? '', 'revoke', refusal);
        }
      }
      return db.transaction().execute(async (trx) => {
        const inTransaction = invitationRepository(trx);
        const revoked = await inTransaction.revoke(
          principal.organizationId,
          invitationId,
          version,
          principal.userId,
        );
        const after = await inTransaction.findById(principal.organizationId, invitationId);
        if (after === undefined) throw new DomainError('not_found', 'No such invitation.');
        if (!revoked) {
          const status = invitationStatus(after, now());
          if (status === 'accepted' || status === 'revoked') {
            throw new DomainError('conflict', `This invitation was already ${status}.`, {
              details: { current: toInvitation(after, now()) },
            });
          }
          throw new DomainError(
            'version_conflict',
            'Someone else changed this invitation; review it again.',
            {
              details: { current: toInvitation(after, now()) },
            },
          );
        }
        await appendAuditEvents(trx, principal.organizationId, [
          invitationAuditEvent(principal, origin, {
            action: 'revoke',
            resourceId: invitationId,
            patientId: after.patientId,
            fieldsChanged: ['revokedAt', 'revokedByUserId'],
          }),
        ]);
        return toInvitation(after, now());
      });
    },
  };
}

export type InvitationService = ReturnType<typeof invitationService>;
