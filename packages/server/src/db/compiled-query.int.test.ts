import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../demo/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { compileOnce } from './compiled-query.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => {
  await database?.close();
});

describe('compileOnce', () => {
  it('answers exactly like the same query built each time, for every parameter value', async () => {
    const { db } = database;
    const byRole = compileOnce(db, 2, (organizationId: string, jobRole: string) =>
      db
        .selectFrom('staffMembers')
        .select(['id', 'displayName', 'jobRole', 'yearsAddictionExperience'])
        .where('organizationId', '=', organizationId)
        .where('jobRole', '=', jobRole)
        .orderBy('id'),
    );
    const organization = await db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    for (const role of ['clinician', 'prescriber', 'admin', 'nobody']) {
      const expected = await db
        .selectFrom('staffMembers')
        .select(['id', 'displayName', 'jobRole', 'yearsAddictionExperience'])
        .where('organizationId', '=', organization.id)
        .where('jobRole', '=', role)
        .orderBy('id')
        .execute();
      expect(await byRole(organization.id, role)).toEqual(expected);
    }
    // The comparison above is over real rows: the demo has several clinicians.
    expect((await byRole(organization.id, 'clinician')).length).toBeGreaterThan(2);
  });

  it('refuses a query that does not use its arguments as positional parameters', () => {
    const { db } = database;
    expect(() =>
      compileOnce(db, 2, (first: string, _second: string) =>
        db.selectFrom('staffMembers').select('id').where('displayName', '=', first),
      ),
    ).toThrow(/each of its 2 arguments once/);
    expect(() =>
      compileOnce(db, 2, (first: string, second: string) =>
        db
          .selectFrom('staffMembers')
          .select('id')
          .where('email', '=', second)
          .where('displayName', '=', first),
      ),
    ).toThrow(/in order/);
  });
});
