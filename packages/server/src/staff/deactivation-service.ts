import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import type { AuthRepository } from '../auth/repository.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { StaffRepository } from './repository.ts';
import type { StaffMember } from './schemas.ts';

const errors = defineMessages({
  ownAccount: {
    id: 'staff.errors.deactivateOwnAccount',
    defaultMessage: 'You cannot deactivate your own account; ask another administrator.',
  },
  noSuchStaffMember: { id: 'staff.errors.noSuchStaffMember', defaultMessage: 'No such staff member.' },
});

/**
 * Deactivating a staff member (administrators): marked inactive, their membership of the organization ended, and
 * every session they have in it ended in the same unit of work. This process forgets their cached sessions at
 * once (`forgetUser`); every other process stops accepting them when its cache entry runs out
 * (TANDEM_SESSION_CACHE_SECONDS).
 */
export function staffDeactivationService(options: {
  records: RecordKernel;
  staff: StaffRepository;
  sessions: AuthRepository;
  forgetUser: (userId: string) => void;
}) {
  const { records, staff, sessions } = options;
  return {
    async deactivate(context: RecordContext, staffMemberId: string): Promise<StaffMember> {
      const organizationId = organizationOf(context);
      if (context.principal.staffMemberId === staffMemberId) {
        throw new DomainError('conflict', errors.ownAccount);
      }
      const deactivated = await records.write(context, async ({ trx, audit }) => {
        const result = await staff.deactivate(trx, organizationId, staffMemberId);
        if (result === undefined) throw new DomainError('not_found', errors.noSuchStaffMember);
        audit({
          resourceType: 'staff_member',
          resourceId: staffMemberId,
          fieldsChanged: result.changed ? ['active'] : [],
          action: 'deactivate',
        });
        if (result.userId !== null) {
          const ended = await sessions.deleteSessionsOfUser(trx, result.userId, organizationId);
          audit({
            resourceType: 'session',
            resourceId: result.userId,
            fieldsChanged: null,
            action: 'revoke_sessions',
            patientId: null,
            outcome: 'allowed',
            reason: `staff member deactivated (${ended} sessions ended)`,
          });
        }
        return result;
      });
      if (deactivated.userId !== null) options.forgetUser(deactivated.userId);
      return deactivated.staffMember;
    },
  };
}

export type StaffDeactivationService = ReturnType<typeof staffDeactivationService>;
