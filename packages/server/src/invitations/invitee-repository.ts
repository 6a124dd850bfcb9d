import { type DisclosureCategory, disclosureCategories, type Role, type StaffRole } from '@tandem/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { InvitationTarget } from './repository.ts';

/**
 * Who an invitation is for: the staff member, patient or support contact it names, the patient's consents, and
 * the sign-in that accepting it creates.
 */
export function inviteeRepository(db: Kysely<DB>) {
  return {
    async organization(organizationId: string) {
      return db
        .selectFrom('organizations')
        .select(['name', 'timeZone', 'defaultLanguage', 'mailNamesProgram'])
        .where('id', '=', organizationId)
        .executeTakeFirstOrThrow();
    },

    /** The staff member's profile, locked until the transaction ends (so an acceptance cannot race it). */
    async staffMemberForUpdate(organizationId: string, staffMemberId: string) {
      const row = await db
        .selectFrom('staffMembers')
        .select(['id', 'userId', 'displayName', 'email', 'jobRole', 'active'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', staffMemberId)
        .forUpdate()
        .executeTakeFirst();
      return row === undefined ? undefined : { ...row, jobRole: row.jobRole as StaffRole };
    },

    async insertStaffMember(
      organizationId: string,
      staff: { displayName: string; email: string; jobRole: StaffRole },
    ): Promise<string> {
      const row = await db
        .insertInto('staffMembers')
        .values({ organizationId, ...staff })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async staffEmailTaken(organizationId: string, email: string): Promise<boolean> {
      const row = await db
        .selectFrom('staffMembers')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('email', '=', email)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Active staff members without a sign-in: whom an administrator can invite. */
    async staffWithoutSignIn(organizationId: string) {
      const rows = await db
        .selectFrom('staffMembers as sm')
        .select(['sm.id', 'sm.displayName', 'sm.email', 'sm.jobRole as role'])
        .select((eb) =>
          eb
            .exists(
              eb
                .selectFrom('invitations as i')
                .select('i.id')
                .whereRef('i.organizationId', '=', 'sm.organizationId')
                .whereRef('i.staffMemberId', '=', 'sm.id')
                .where('i.acceptedAt', 'is', null)
                .where('i.revokedAt', 'is', null)
                .where('i.expiresAt', '>', sql<Date>`now()`),
            )
            .as('hasOpenInvitation'),
        )
        .where('sm.organizationId', '=', organizationId)
        .where('sm.userId', 'is', null)
        .where('sm.active', '=', true)
        .orderBy('sm.displayName')
        .orderBy('sm.id')
        .execute();
      return rows.map((row) => ({
        ...row,
        role: row.role as StaffRole,
        hasOpenInvitation: Boolean(row.hasOpenInvitation),
      }));
    },

    async patientForUpdate(organizationId: string, patientId: string) {
      return db
        .selectFrom('patients')
        .select([
          'id',
          'userId',
          'email',
          'legalGivenName',
          'preferredName',
          'legalFamilyName',
          'status',
          'preferredLanguage',
        ])
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .forUpdate()
        .executeTakeFirst();
    },

    async supportContactForUpdate(organizationId: string, supportContactId: string) {
      return db
        .selectFrom('supportContacts')
        .select(['id', 'patientId', 'userId', 'email', 'name', 'active'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', supportContactId)
        .forUpdate()
        .executeTakeFirst();
    },

    /**
     * What the patient's active consents naming this support contact let the program disclose: unrevoked, begun
     * and not expired on today's date where the organization is.
     */
    async consentedCategories(
      organizationId: string,
      patientId: string,
      supportContactId: string,
    ): Promise<DisclosureCategory[]> {
      const rows = await db
        .selectFrom('consents as c')
        .innerJoin('organizations as o', 'o.id', 'c.organizationId')
        .select('c.categories')
        .where('c.organizationId', '=', organizationId)
        .where('c.patientId', '=', patientId)
        .where('c.supportContactId', '=', supportContactId)
        .where('c.revokedAt', 'is', null)
        .where('c.startsOn', '<=', sql<string>`(now() AT TIME ZONE o.time_zone)::date`)
        .where((eb) =>
          eb.or([
            eb('c.expiresOn', 'is', null),
            eb('c.expiresOn', '>=', sql<string>`(now() AT TIME ZONE o.time_zone)::date`),
          ]),
        )
        .execute();
      const categories = new Set(rows.flatMap((row) => row.categories));
      return disclosureCategories.filter((category) => categories.has(category));
    },

    /** Whether someone with this email already signs in to this organization (whatever their role). */
    async emailHasMembership(organizationId: string, email: string): Promise<boolean> {
      const row = await db
        .selectFrom('memberships as m')
        .innerJoin('users as u', 'u.id', 'm.userId')
        .select('m.id')
        .where('m.organizationId', '=', organizationId)
        .where('u.email', '=', email)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Whether the email already has a Tandem sign-in anywhere (asked only on acceptance, of the email's owner). */
    async userExists(email: string): Promise<boolean> {
      const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
      return row !== undefined;
    },

    /** The new sign-in: a user, their password credential (better-auth's layout) and their role here. */
    async insertUser(user: {
      id: string;
      name: string;
      email: string;
      passwordHash: string;
      organizationId: string;
      role: Role;
      language: string | null;
    }): Promise<void> {
      // Verified: the one-time link was sent to this address, and opening it is what proves the mailbox.
      await db
        .insertInto('users')
        .values({
          id: user.id,
          name: user.name,
          email: user.email,
          emailVerified: true,
          language: user.language,
        })
        .execute();
      await db
        .insertInto('accounts')
        .values({
          userId: user.id,
          accountId: user.id,
          providerId: 'credential',
          password: user.passwordHash,
        })
        .execute();
      await db
        .insertInto('memberships')
        .values({ organizationId: user.organizationId, userId: user.id, role: user.role })
        .execute();
    },

    async linkUser(organizationId: string, target: InvitationTarget, userId: string): Promise<void> {
      const change = { userId, updatedAt: sql<Date>`now()`, version: sql<number>`version + 1` };
      if (target.kind === 'staff' && target.staffMemberId !== null) {
        await db
          .updateTable('staffMembers')
          .set(change)
          .where('organizationId', '=', organizationId)
          .where('id', '=', target.staffMemberId)
          .execute();
      } else if (target.kind === 'patient' && target.patientId !== null) {
        await db
          .updateTable('patients')
          .set(change)
          .where('organizationId', '=', organizationId)
          .where('id', '=', target.patientId)
          .execute();
      } else if (target.kind === 'family_member' && target.supportContactId !== null) {
        await db
          .updateTable('supportContacts')
          .set(change)
          .where('organizationId', '=', organizationId)
          .where('id', '=', target.supportContactId)
          .execute();
      } else {
        throw new Error(`invitation of kind ${target.kind} names no row to link`);
      }
    },
  };
}
