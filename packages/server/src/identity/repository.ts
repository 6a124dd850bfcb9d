import type { Role } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

export interface MembershipRow {
  organizationId: string;
  role: Role;
  staffMemberId: string | null;
}

export function identityRepository(db: Kysely<DB>) {
  return {
    /** The organization a new session starts in: the oldest active membership. */
    async defaultOrganizationFor(userId: string): Promise<string | null> {
      const row = await db
        .selectFrom('memberships')
        .select('organizationId')
        .where('userId', '=', userId)
        .where('deactivatedAt', 'is', null)
        .orderBy('createdAt')
        .limit(1)
        .executeTakeFirst();
      return row?.organizationId ?? null;
    },

    async activeMembership(organizationId: string, userId: string): Promise<MembershipRow | undefined> {
      const row = await db
        .selectFrom('memberships')
        .leftJoin('staffMembers', (join) =>
          join
            .onRef('staffMembers.organizationId', '=', 'memberships.organizationId')
            .onRef('staffMembers.userId', '=', 'memberships.userId'),
        )
        .select(['memberships.organizationId', 'memberships.role', 'staffMembers.id as staffMemberId'])
        .where('memberships.organizationId', '=', organizationId)
        .where('memberships.userId', '=', userId)
        .where('memberships.deactivatedAt', 'is', null)
        .executeTakeFirst();
      return row === undefined ? undefined : { ...row, role: row.role as Role };
    },
  };
}
