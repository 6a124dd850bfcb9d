import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { compileOnce } from '../db/compiled-query.ts';
import type { DB } from '../db/schema.generated.ts';
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
  'active',
  'version',
] as const;

type StaffRow = Omit<StaffMember, 'role' | 'approaches'> & { role: string; approaches: string[] };

function toStaffMember(row: StaffRow): StaffMember {
  return row as StaffMember;
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

    /** Applies the change only if nobody changed the record since `version`; undefined means stale or gone. */
    async update(
      organizationId: string,
      staffMemberId: string,
      change: StaffMemberUpdate,
    ): Promise<StaffMember | undefined> {
      const { version, ...fields } = change;
      const row = await db
        .updateTable('staffMembers')
        .set({ ...fields, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .where('version', '=', version)
        .returning(columns)
        .executeTakeFirst();
      return row === undefined ? undefined : toStaffMember(row);
    },
  };
}

export type StaffRepository = ReturnType<typeof staffRepository>;
