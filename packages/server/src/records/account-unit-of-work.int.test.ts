import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.generated.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { type RecordKernel, recordKernel } from './unit-of-work.ts';

/** records.writeForAccount: the audited unit of work of a person who has no principal yet (a sign-in). */

let database: TestDatabase;
let records: RecordKernel;
let clinic: string;
let hospital: string;

const origin = { ipAddress: '192.0.2.7', userAgent: 'vitest' };
const failedSignIn = {
  action: 'sign_in_failed',
  resourceType: 'session',
  resourceId: null,
  fieldsChanged: null,
  outcome: 'denied',
  reason: 'wrong password',
} as const;

const eventsOf = (organizationId: string) =>
  database.db
    .selectFrom('auditEvents')
    .select([
      'actorUserId',
      'actorRole',
      'patientId',
      'action',
      'outcome',
      'reason',
      'ipAddress',
      'userAgent',
    ])
    .where('organizationId', '=', organizationId)
    .orderBy('sequence')
    .execute();

/** The work of a unit: one failed sign-in counted against `key`. */
const countFailure = (trx: Transaction<DB>, key: string) =>
  trx.insertInto('signInThrottles').values({ key, failures: 1, windowStartedAt: new Date() }).execute();

const throttle = (key: string) =>
  database.db.selectFrom('signInThrottles').select('failures').where('key', '=', key).executeTakeFirst();

beforeAll(async () => {
  database = await createTestDatabase();
  records = recordKernel(database.db);
  const [first, second] = await database.db
    .insertInto('organizations')
    .values([
      { name: 'Clinic', slug: 'clinic' },
      { name: 'Hospital', slug: 'hospital' },
    ])
    .returning('id')
    .execute();
  clinic = first?.id as string;
  hospital = second?.id as string;
});
afterAll(async () => {
  await database?.close();
});

describe('records.writeForAccount', () => {
  it('records an account’s event in every organization it belongs to, with its role there, in the work’s transaction', async () => {
    const audiences = [
      { organizationId: clinic, actor: { actorUserId: null, actorRole: 'clinician', ...origin } },
      { organizationId: hospital, actor: { actorUserId: null, actorRole: 'supervisor', ...origin } },
    ];
    await records.writeForAccount(audiences, async ({ trx, audit }) => {
      await countFailure(trx, 'account:both');
      audit(failedSignIn);
    });
    expect(await throttle('account:both')).toEqual({ failures: 1 });
    const expected = {
      actorUserId: null,
      patientId: null,
      action: 'sign_in_failed',
      outcome: 'denied',
      reason: 'wrong password',
      ...origin,
    };
    expect(await eventsOf(clinic)).toEqual([{ ...expected, actorRole: 'clinician' }]);
    expect(await eventsOf(hospital)).toEqual([{ ...expected, actorRole: 'supervisor' }]);
  });

  it('leaves neither the change nor its events when the work fails', async () => {
    const audiences = [
      { organizationId: clinic, actor: { actorUserId: null, actorRole: 'clinician', ...origin } },
    ];
    const before = (await eventsOf(clinic)).length;
    await expect(
      records.writeForAccount(audiences, async ({ trx, audit }) => {
        await countFailure(trx, 'account:failed');
        audit(failedSignIn);
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await throttle('account:failed')).toBeUndefined();
    expect(await eventsOf(clinic)).toHaveLength(before);
  });

  it('still runs the work for an account of no organization (an unknown email), auditing nothing', async () => {
    const before = [(await eventsOf(clinic)).length, (await eventsOf(hospital)).length];
    await records.writeForAccount([], async ({ trx, audit }) => {
      await countFailure(trx, 'account:unknown');
      audit(failedSignIn);
    });
    expect(await throttle('account:unknown')).toEqual({ failures: 1 });
    expect([(await eventsOf(clinic)).length, (await eventsOf(hospital)).length]).toEqual(before);
  });

  it('records an event in an organization the work found out only as it ran (auditIn), with the actor there', async () => {
    const before = [(await eventsOf(clinic)).length, (await eventsOf(hospital)).length];
    await records.writeForAccount([], async ({ trx, auditIn }) => {
      await countFailure(trx, 'account:found-out');
      auditIn(
        { organizationId: hospital, actor: { actorUserId: null, actorRole: 'invitee', ...origin } },
        { ...failedSignIn, action: 'read', outcome: 'allowed', reason: null },
      );
    });
    expect(await throttle('account:found-out')).toEqual({ failures: 1 });
    expect((await eventsOf(clinic)).length).toBe(before[0]);
    expect((await eventsOf(hospital)).slice(before[1])).toEqual([
      expect.objectContaining({ actorRole: 'invitee', action: 'read', outcome: 'allowed', ...origin }),
    ]);
  });

  it('rolls back an event found out as the work ran when the work fails', async () => {
    const before = (await eventsOf(hospital)).length;
    await expect(
      records.writeForAccount([], async ({ auditIn }) => {
        auditIn(
          { organizationId: hospital, actor: { actorUserId: null, actorRole: 'invitee', ...origin } },
          failedSignIn,
        );
        throw new Error('the work failed');
      }),
    ).rejects.toThrow('the work failed');
    expect(await eventsOf(hospital)).toHaveLength(before);
  });
});
