import { personLanguage, type Role, type UiLanguage } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

export interface MembershipRow {
  organizationId: string;
  role: Role;
  staffMemberId: string | null;
}

export interface SessionFacts extends MembershipRow {
  /** Staff roles the organization requires two-step verification of. */
  twoFactorRequiredRoles: string[];
  /** The session's last activity as stored (undefined: the session row is gone). */
  lastActiveAt: Date | undefined;
  /** What the person reads Tandem in (core's personLanguage): their choice, their patient record's, the program's. */
  language: UiLanguage;
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

    /** activeMembership plus what sign-in hardening needs, in the same one round trip. */
    async sessionFacts(
      organizationId: string,
      userId: string,
      sessionId: string,
    ): Promise<SessionFacts | undefined> {
      const row = await db
        .selectFrom('memberships')
        .innerJoin('organizations', 'organizations.id', 'memberships.organizationId')
        .leftJoin('staffMembers', (join) =>
          join
            .onRef('staffMembers.organizationId', '=', 'memberships.organizationId')
            .onRef('staffMembers.userId', '=', 'memberships.userId'),
        )
        .leftJoin('sessions', (join) => join.on('sessions.id', '=', sessionId))
        .innerJoin('users', 'users.id', 'memberships.userId')
        .leftJoin('patients', (join) =>
          join
            .onRef('patients.organizationId', '=', 'memberships.organizationId')
            .onRef('patients.userId', '=', 'memberships.userId'),
        )
        .select([
          'memberships.organizationId',
          'memberships.role',
          'staffMembers.id as staffMemberId',
          'organizations.twoFactorRequiredRoles',
          'organizations.defaultLanguage',
          'sessions.lastActiveAt',
          'users.language as preference',
          'patients.preferredLanguage as patientLanguage',
        ])
        .where('memberships.organizationId', '=', organizationId)
        .where('memberships.userId', '=', userId)
        .where('memberships.deactivatedAt', 'is', null)
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return {
        organizationId: row.organizationId,
        role: row.role as Role,
        staffMemberId: row.staffMemberId,
        twoFactorRequiredRoles: row.twoFactorRequiredRoles,
        lastActiveAt: row.lastActiveAt === null ? undefined : new Date(row.lastActiveAt),
        language: personLanguage({
          preference: row.preference,
          patientLanguage: row.patientLanguage,
          organizationDefault: row.defaultLanguage,
        }),
      };
    },
  };
}
