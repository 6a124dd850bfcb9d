import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { demoAccounts, demoOrganization } from './demo-accounts.ts';
import { seedDemo } from './seed-demo.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function counts() {
  const { db } = database;
  const count = async (table: 'organizations' | 'users' | 'memberships' | 'staffMembers' | 'rooms') =>
    Number((await db.selectFrom(table).select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return {
    organizations: await count('organizations'),
    users: await count('users'),
    memberships: await count('memberships'),
    staffMembers: await count('staffMembers'),
    rooms: await count('rooms'),
  };
}

describe('seedDemo', () => {
  it('creates one clearly labelled demo organization with a sign-in per role', async () => {
    const first = await seedDemo(database.db);
    expect(first.created).toBe(true);
    const organization = await database.db
      .selectFrom('organizations')
      .selectAll()
      .where('id', '=', first.organizationId)
      .executeTakeFirstOrThrow();
    expect(organization).toMatchObject({ name: demoOrganization.name, isDemo: true });
    expect((await counts()).memberships).toBe(demoAccounts.length);
  });

  it('changes nothing when run again, even concurrently', async () => {
    const before = await counts();
    const again = await Promise.all([seedDemo(database.db), seedDemo(database.db)]);
    expect(again.map((result) => result.created)).toEqual([false, false]);
    expect(await counts()).toEqual(before);
  });
});
