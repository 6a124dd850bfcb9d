import { DomainError } from '@tandem/core';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import type { StaffRepository } from './repository.ts';
import type { StaffMember, StaffMemberUpdate } from './schemas.ts';

export function staffService(repository: StaffRepository) {
  return {
    list(principal: Principal): Promise<StaffMember[]> {
      return repository.list(principal.organizationId);
    },

    async get(principal: Principal, staffMemberId: string): Promise<StaffMember> {
      const staffMember = await repository.findById(principal.organizationId, staffMemberId);
      if (staffMember === undefined) throw new DomainError('not_found', 'No such staff member.');
      return staffMember;
    },

    async update(
      principal: Principal,
      staffMemberId: string,
      change: StaffMemberUpdate,
      audit: WriteAudit,
    ): Promise<StaffMember> {
      const updated = await repository.update(principal.organizationId, staffMemberId, change, audit);
      if (updated !== undefined) return updated;
      const current = await repository.findById(principal.organizationId, staffMemberId);
      if (current === undefined) throw new DomainError('not_found', 'No such staff member.');
      throw new DomainError(
        'version_conflict',
        'Someone else changed this staff member; review their change.',
        {
          details: { current },
        },
      );
    },
  };
}

export type StaffService = ReturnType<typeof staffService>;
