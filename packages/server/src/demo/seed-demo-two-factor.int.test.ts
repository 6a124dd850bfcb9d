import { symmetricDecrypt } from 'better-auth/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { demoAccountFor, demoTotpSecret } from './demo-accounts.ts';
import { seedDemo } from './seed-demo.ts';

const authSecret = 'seed-test-auth-secret-0123456789abcdef';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function adminTwoFactor() {
  return database.db
    .selectFrom('users')
    .leftJoin('twoFactors', 'twoFactors.userId', 'users.id')
    .select(['users.twoFactorEnabled', 'twoFactors.secret', 'twoFactors.backupCodes', 'twoFactors.verified'])
    .where('users.email', '=', demoAccountFor('admin').email)
    .executeTakeFirstOrThrow();
}

describe('the demo admin’s two-step verification', () => {
  it('is required of administrators and enrolled with the printed demo secret, encrypted as better-auth stores it', async () => {
    const { organizationId } = await seedDemo(database.db, { authSecret });
    const organization = await database.db
      .selectFrom('organizations')
      .select('twoFactorRequiredRoles')
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();
    expect(organization.twoFactorRequiredRoles).toEqual(['admin']);
    const admin = await adminTwoFactor();
    expect(admin).toMatchObject({ twoFactorEnabled: true, verified: true });
    expect(admin.secret).not.toContain(demoTotpSecret);
    expect(await symmetricDecrypt({ key: authSecret, data: admin.secret as string })).toBe(demoTotpSecret);
    const codes = JSON.parse(await symmetricDecrypt({ key: authSecret, data: admin.backupCodes as string }));
    expect(codes).toHaveLength(10);
  });

  it('is left as it is by later starts, even concurrent ones', async () => {
    const before = await adminTwoFactor();
    await Promise.all([seedDemo(database.db, { authSecret }), seedDemo(database.db, { authSecret })]);
    expect(await adminTwoFactor()).toEqual(before);
  });

  it('enrols a demo seeded before two-step verification existed, once', async () => {
    const fresh = await createTestDatabase();
    try {
      await seedDemo(fresh.db);
      const plain = await fresh.db
        .selectFrom('organizations')
        .select('twoFactorRequiredRoles')
        .executeTakeFirstOrThrow();
      expect(plain.twoFactorRequiredRoles).toEqual([]);
      await seedDemo(fresh.db, { authSecret });
      const upgraded = await fresh.db
        .selectFrom('organizations')
        .select('twoFactorRequiredRoles')
        .executeTakeFirstOrThrow();
      expect(upgraded.twoFactorRequiredRoles).toEqual(['admin']);
    } finally {
      await fresh.close();
    }
  });
});
