import type { StaffRole } from '@tandem/core';
import { hashPassword } from 'better-auth/crypto';
import type { Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type { DB } from '../db/schema.generated.ts';
import { demoPassword } from '../demo/demo-accounts.ts';

/** A staff member of `organizationId` with a sign-in (the demo password), written straight to the database. */
export async function insertStaffUser(
  db: Kysely<DB>,
  organizationId: string,
  person: { name: string; email: string; role: StaffRole },
): Promise<{ userId: string; staffMemberId: string }> {
  const userId = uuidv7();
  const staffMemberId = uuidv7();
  const password = await hashPassword(demoPassword);
  await db
    .insertInto('users')
    .values({ id: userId, name: person.name, email: person.email, emailVerified: true })
    .execute();
  await db
    .insertInto('accounts')
    .values({ userId, accountId: userId, providerId: 'credential', password })
    .execute();
  await db.insertInto('memberships').values({ organizationId, userId, role: person.role }).execute();
  await db
    .insertInto('staffMembers')
    .values({
      organizationId,
      id: staffMemberId,
      userId,
      displayName: person.name,
      email: person.email,
      jobRole: person.role,
    })
    .execute();
  return { userId, staffMemberId };
}

/** `supervisor` supervises `supervisee` from now on (both staff member ids). */
export async function insertSupervision(
  db: Kysely<DB>,
  organizationId: string,
  supervisor: string,
  supervisee: string,
): Promise<void> {
  await db
    .insertInto('supervisions')
    .values({ organizationId, supervisorStaffMemberId: supervisor, superviseeStaffMemberId: supervisee })
    .execute();
}
