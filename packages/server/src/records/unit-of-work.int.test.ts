import { DomainError, programToday } from '@tandem/core';
import { verifyChain } from '@tandem/core/audit/audit-chain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import type { AccessGrant, RecordContext } from './record-context.ts';
import { Refusal, staleVersion } from './refusal.ts';
import { type RecordKernel, recordKernel } from './unit-of-work.ts';

/**
 * The kernel's guarantees, on a table every database has (organizations: versioned, with a unique slug), so that
 * they are tested apart from any feature: the change and its audit commit together or not at all, a stale
 * version is refused with the record as it is now, constraint violations become the conflicts a rule names.
 */
describe('the record kernel unit of work', () => {
  let database: TestDatabase;
  let records: RecordKernel;
  let organizationId: string;
  const patientId = '01900000-0000-7000-8000-00000000feed';

  function context(overrides: Partial<AccessGrant> = {}): RecordContext {
    return {
      principal: {
        userId: '01900000-0000-7000-8000-0000000000c1',
        sessionId: 's',
        name: 'Casey Rivera',
        email: 'casey@example.org',
        organizationId,
        role: 'clinician',
        staffMemberId: null,
        language: 'en',
      },
      access: {
        resource: 'episode_of_care',
        action: 'update',
        patientId,
        basis: 'care_team',
        isDisclosure: false,
        consents: [],
        breakGlassExpiresAt: null,
        audited: false,
        auditWritten: null,
        listed: null,
        ...overrides,
      },
      actor: { actorUserId: null, actorRole: 'clinician', ipAddress: '192.0.2.7', userAgent: 'vitest' },
    };
  }

  const organization = () =>
    database.db
      .selectFrom('organizations')
      .select(['name', 'slug', 'version'])
      .where('id', '=', organizationId)
      .executeTakeFirstOrThrow();

  const chain = async () => {
    const audit = auditRepository(database.db);
    return {
      events: await audit.eventsAfter(organizationId, 0, 10_000),
      head: await audit.chainHead(organizationId),
    };
  };

  /** Renames the organization at the version the caller saw, as a feature's versioned update does. */
  function rename(on: RecordContext, name: string, version: number) {
    return records.write(on, async ({ trx, audit }) => {
      const row = await trx
        .updateTable('organizations')
        .set({ name, version: sql<number>`version + 1` })
        .where('id', '=', organizationId)
        .where('version', '=', version)
        .returning('id')
        .executeTakeFirst();
      if (row === undefined) staleVersion('Someone else renamed it; review their change.', organization);
      audit({ resourceType: 'organization', resourceId: organizationId, fieldsChanged: ['name'] });
      return name;
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    records = recordKernel(database.db);
    const row = await database.db
      .insertInto('organizations')
      .values({ name: 'Kernel', slug: 'kernel', timeZone: 'America/Los_Angeles' })
      .returning('id')
      .executeTakeFirstOrThrow();
    organizationId = row.id;
    await database.db.insertInto('organizations').values({ name: 'Other', slug: 'taken' }).execute();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('commits the change with its audit events, built from the access decision', async () => {
    const on = context();
    const before = await organization();
    await rename(on, 'Kernel Recovery', before.version);
    expect(await organization()).toMatchObject({ name: 'Kernel Recovery', version: before.version + 1 });
    const { events, head } = await chain();
    expect(events.at(-1)).toMatchObject({
      action: 'update',
      patientId,
      resourceType: 'organization',
      resourceId: organizationId,
      fieldsChanged: ['name'],
      outcome: 'allowed',
      actorRole: 'clinician',
      ipAddress: '192.0.2.7',
    });
    expect(verifyChain(events, head)).toBeUndefined();
    expect(on.access?.audited).toBe(true);
  });

  it('audits a change made under break-the-glass as such', async () => {
    const { version } = await organization();
    await rename(context({ basis: 'break_glass' }), 'Kernel Emergency', version);
    const { events } = await chain();
    expect(events.at(-1)?.outcome).toBe('break_glass');
  });

  it('rolls back the change and its audit events when the work fails after auditing', async () => {
    const before = await organization();
    const { head } = await chain();
    await expect(
      records.write(context(), async ({ trx, audit }) => {
        await trx
          .updateTable('organizations')
          .set({ name: 'Half written' })
          .where('id', '=', organizationId)
          .execute();
        audit({ resourceType: 'organization', resourceId: organizationId, fieldsChanged: ['name'] });
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    expect(await organization()).toEqual(before);
    expect((await chain()).head).toEqual(head);
  });

  it('refuses a stale version with the record as it is now, and writes nothing', async () => {
    const { version } = await organization();
    await rename(context(), 'First writer', version);
    const { head } = await chain();
    const refused = await rename(context(), 'Second writer', version).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({
      code: 'version_conflict',
      details: { current: { name: 'First writer', version: version + 1 } },
    });
    expect((await chain()).head).toEqual(head);
  });

  it('lets exactly one of two concurrent writers on the same version win', async () => {
    const { version } = await organization();
    const outcomes = await Promise.allSettled([
      rename(context(), 'Writer A', version),
      rename(context(), 'Writer B', version),
    ]);
    const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = (won[0] as PromiseFulfilledResult<string>).value;
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'version_conflict',
      details: { current: { name: winner, version: version + 1 } },
    });
    expect(await organization()).toMatchObject({ name: winner, version: version + 1 });
  });

  it('answers a unique violation that a rule names as that conflict, with the current record', async () => {
    const { head } = await chain();
    const write = records.write(
      context(),
      async ({ trx, audit }) => {
        audit({ resourceType: 'organization', resourceId: organizationId, fieldsChanged: ['slug'] });
        await trx
          .updateTable('organizations')
          .set({ slug: 'taken' })
          .where('id', '=', organizationId)
          .execute();
      },
      {
        conflicts: {
          organizations_slug_key: { message: 'Another program has this address.', current: organization },
        },
      },
    );
    await expect(write).rejects.toMatchObject({
      code: 'conflict',
      message: 'Another program has this address.',
      details: { current: { slug: 'kernel' } },
    });
    expect((await chain()).head).toEqual(head);
  });

  it('passes a violation no rule names on unchanged (the problem mapper answers it generically)', async () => {
    const write = records.write(context(), ({ trx }) =>
      trx.updateTable('organizations').set({ slug: 'taken' }).where('id', '=', organizationId).execute(),
    );
    await expect(write).rejects.toMatchObject({ code: '23505' });
  });

  it('answers a Refusal after the rollback, with what it loads then', async () => {
    const refused = records.write(context(), async ({ trx }) => {
      await trx
        .updateTable('organizations')
        .set({ name: 'Not kept' })
        .where('id', '=', organizationId)
        .execute();
      throw new Refusal('conflict', 'This episode is discharged.', {
        details: { reason: 'already_discharged' },
        current: organization,
      });
    });
    await expect(refused).rejects.toMatchObject({
      code: 'conflict',
      details: { reason: 'already_discharged', current: { name: expect.not.stringMatching('Not kept') } },
    });
  });

  it('reads the program clock once per unit, in the program time zone', async () => {
    const seen = await records.write(context(), async ({ clock, today }) => {
      const first = await clock();
      const second = await clock();
      return {
        same: first === second,
        today: await today(),
        expected: programToday(first),
        zone: first.timeZone,
      };
    });
    expect(seen.same).toBe(true);
    expect(seen.zone).toBe('America/Los_Angeles');
    expect(seen.today).toBe(seen.expected);
  });

  it('reads in a read-only transaction, then commits the read events it audited', async () => {
    const on = context({ action: 'read' });
    const { head } = await chain();
    const name = await records.read(on, async ({ trx, audit, today }) => {
      const row = await trx
        .selectFrom('organizations')
        .select('name')
        .where('id', '=', organizationId)
        .executeTakeFirstOrThrow();
      expect(await today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      audit({ resourceType: 'organization', resourceId: organizationId, fieldsChanged: null });
      return row.name;
    });
    expect(name).toBe((await organization()).name);
    const { events } = await chain();
    expect(events.filter((event) => event.sequence > (head?.lastSequence ?? 0))).toEqual([
      expect.objectContaining({
        action: 'read',
        patientId,
        resourceType: 'organization',
        outcome: 'allowed',
      }),
    ]);
    expect(on.access?.audited).toBe(true);
  });

  it('refuses a write inside a read, and audits nothing of it', async () => {
    const before = await organization();
    const { head } = await chain();
    await expect(
      records.read(context({ action: 'read' }), async ({ trx, audit }) => {
        audit({ resourceType: 'organization', resourceId: organizationId, fieldsChanged: null });
        await trx
          .updateTable('organizations')
          .set({ name: 'Written by a read' })
          .where('id', '=', organizationId)
          .execute();
      }),
    ).rejects.toThrow(/read-only transaction/);
    expect(await organization()).toEqual(before);
    expect((await chain()).head?.lastSequence).toBe(head?.lastSequence);
  });

  it('requires an audited change outside a policy route to name its action', async () => {
    const signedIn = { ...context(), access: null };
    await expect(
      records.write(signedIn, async ({ audit }) => {
        audit({ resourceType: 'session', resourceId: null, fieldsChanged: null });
      }),
    ).rejects.toThrow('must name its action');
    await records.write(signedIn, async ({ audit }) => {
      audit({
        resourceType: 'session',
        resourceId: null,
        fieldsChanged: null,
        action: 'delete',
        patientId: null,
      });
    });
    expect((await chain()).events.at(-1)).toMatchObject({
      action: 'delete',
      resourceType: 'session',
      patientId: null,
    });
  });
});
