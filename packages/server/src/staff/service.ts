import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import type { StaffRepository } from './repository.ts';
import type { StaffMember, StaffMemberUpdate } from './schemas.ts';

const errors = defineMessages({
  noSuchStaffMember: { id: 'staff.errors.noSuchStaffMember', defaultMessage: 'No such staff member.' },
  staffMemberChanged: {
    id: 'staff.errors.staffMemberChanged',
    defaultMessage: 'Someone else changed this staff member; review their change.',
  },
});

export function staffService(records: RecordKernel, repository: StaffRepository) {
  const current = async (organizationId: string, staffMemberId: string): Promise<StaffMember> => {
    const staffMember = await repository.findById(organizationId, staffMemberId);
    if (staffMember === undefined) throw new DomainError('not_found', errors.noSuchStaffMember);
    return staffMember;
  };

  return {
    list(context: RecordContext): Promise<StaffMember[]> {
      return repository.list(organizationOf(context));
    },

    get(context: RecordContext, staffMemberId: string): Promise<StaffMember> {
      return current(organizationOf(context), staffMemberId);
    },

    /** Applies the change at the version the caller saw; stale gets 409 with the staff member as they are now. */
    update(context: RecordContext, staffMemberId: string, change: StaffMemberUpdate): Promise<StaffMember> {
      const organizationId = organizationOf(context);
      return records.write(context, async ({ trx, audit }) => {
        const updated = await repository.update(trx, organizationId, staffMemberId, change);
        if (updated === undefined) {
          staleVersion(errors.staffMemberChanged, () => current(organizationId, staffMemberId));
        }
        audit({
          resourceType: 'staff_member',
          resourceId: staffMemberId,
          fieldsChanged: Object.keys(change).filter((field) => field !== 'version'),
        });
        return updated;
      });
    },
  };
}

export type StaffService = ReturnType<typeof staffService>;
