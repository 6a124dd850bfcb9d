import { decideAccess } from '@tandem/core';
import { invitationStatus } from '@tandem/core/invitations/invitation';
import type { Principal } from '../identity/principal.ts';
import type { InvitationRow } from './repository.ts';
import type { Invitation } from './schemas.ts';

/** An invitation as the API shows it, with its status at `now`. */
export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    kind: row.kind,
    email: row.email,
    role: row.role,
    status: invitationStatus(row, now),
    inviteeName: row.inviteeName,
    staffMemberId: row.staffMemberId,
    patientId: row.patientId,
    supportContactId: row.supportContactId,
    createdByName: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    version: row.version,
  };
}

/** Staff invitations are the staff directory's: those who may add to it see and withdraw them. */
export function mayManageStaff(principal: Principal, now: Date): boolean {
  return decideAccess({
    principal,
    request: { action: 'create', resource: 'staff_directory', organizationId: principal.organizationId },
    now,
  }).allowed;
}
