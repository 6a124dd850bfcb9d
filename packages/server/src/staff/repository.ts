import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { compileOnce } from '../db/compiled-query.ts';
import type { DB, JsonObject } from '../db/schema.generated.ts';
import type { StaffMember, StaffMemberUpdate } from './schemas.ts';

const columns = [
  'id',
  'organizationId',
  'displayName',
  'email',
  'jobRole as role',
  'credentials',
  'licenseNumber',
  'licenseState',
  'licenseExpiresOn',
  'yearsAddictionExperience',
  'approaches',
  'languages',
  'pronouns',
  'maxCaseload',
  'gender',
  // As text: the CamelCasePlugin would rename the substance keys inside the jsonb (other_stimulants).
  sql<string>`substance_experience::text`.as('substanceExperience'),
  'conditionExperience',
  'acceptsNewPatients',
  'active',
  'version',
] as const;

type StaffRow = Omit<
  StaffMember,
  'role' | 'approaches' | 'gender' | 'substanceExperience' | 'conditionExperience'
> & {
  role: string;
  approaches: string[];
  gender: string | null;
  substanceExperience: unknown;
  conditionExperience: string[];
};

function toStaffMember(row: StaffRow): StaffMember {
  return {
    ...row,
    substanceExperience: JSON.parse(row.substanceExperience as string),
  } as StaffMember;
}

/** Stored as jsonb; a class with no years is left out rather than kept as 0. */
function substanceExperienceJson(years: Partial<Record<string, number>>) {
  const kept = Object.fromEntries(Object.entries(years).filter(([, value]) => (value ?? 0) > 0));
  return sql<JsonObject>`${JSON.stringify(kept)}::jsonb`;
}

export function staffRepository(db: Kysely<DB>) {
  // Read on every staff page and by matching: compiled once.
  const selectById = compileOnce(db, 2, (organizationId: string, staffMemberId: string) =>
    db
      .selectFrom('staffMembers')
      .select(columns)
      .where('organizationId', '=', organizationId)
      .where('id', '=', staffMemberId),
  );
  return {
    async list(organizationId: string): Promise<StaffMember[]> {
      const rows = await db
        .selectFrom('staffMembers')
        .select(columns)
        .where('organizationId', '=', organizationId)
        .orderBy('displayName')
        .orderBy('id')
        .execute();
      return rows.map(toStaffMember);
    },

    async findById(organizationId: string, staffMemberId: string): Promise<StaffMember | undefined> {
      const [row] = await selectById(organizationId, staffMemberId);
      return row === undefined ? undefined : toStaffMember(row);
    },

    /**
     * Applies the change only if nobody changed the record since `version`, inside the caller's transaction;
     * undefined means stale or gone.
     */
    async update(
      trx: Transaction<DB>,
      organizationId: string,
      staffMemberId: string,
      change: StaffMemberUpdate,
    ): Promise<StaffMember | undefined> {
      const { version, substanceExperience, ...fields } = change;
      const row = await trx
        .updateTable('staffMembers')
        .set({
          ...fields,
          ...(substanceExperience === undefined
            ? {}
            : { substanceExperience: substanceExperienceJson(substanceExperience) }),
          version: sql<number>`version + 1`,
          updatedAt: sql<Date>`now()`,
        })
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .where('version', '=', version)
        .returning(columns)
        .executeTakeFirst();
      return row === undefined ? undefined : toStaffMember(row);
    },

    /**
     * Marks the staff member inactive and ends their membership of the organization (they can no longer sign in
     * to it); inside the caller's transaction. Undefined when there is no such staff member.
     */
    async deactivate(
      trx: Transaction<DB>,
      organizationId: string,
      staffMemberId: string,
    ): Promise<{ staffMember: StaffMember; userId: string | null; changed: boolean } | undefined> {
      const before = await trx
        .selectFrom('staffMembers')
        .select(['active', 'userId'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .forUpdate()
        .executeTakeFirst();
      if (before === undefined) return undefined;
      const row = await trx
        .updateTable('staffMembers')
        .set({
          active: false,
          version: before.active ? sql<number>`version + 1` : sql<number>`version`,
          updatedAt: before.active ? sql<Date>`now()` : sql<Date>`updated_at`,
        })
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .returning(columns)
        .executeTakeFirstOrThrow();
      let membershipEnded = false;
      if (before.userId !== null) {
        const ended = await trx
          .updateTable('memberships')
          .set({
            deactivatedAt: sql<Date>`now()`,
            version: sql<number>`version + 1`,
            updatedAt: sql<Date>`now()`,
          })
          .where('organizationId', '=', organizationId)
          .where('userId', '=', before.userId)
          .where('deactivatedAt', 'is', null)
          .executeTakeFirst();
        membershipEnded = Number(ended.numUpdatedRows) > 0;
      }
      return {
        staffMember: toStaffMember(row),
        userId: before.userId,
        changed: before.active || membershipEnded,
      };
    },
  };
}

export type StaffRepository = ReturnType<typeof staffRepository>;
