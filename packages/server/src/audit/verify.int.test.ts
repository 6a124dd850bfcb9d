import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvent } from '../testing/audit-events.ts';
import { auditedOrganization, tamper, where } from '../testing/audit-tampering.ts';
import { runTandemCli } from '../testing/cli-process.ts';
import { type CliTarget, createCliTarget } from '../testing/cli-target.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { appendAuditEvents } from './repository.ts';
import { verifyAuditTrail } from './verify.ts';

describe('verifyAuditTrail', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('counts the events of intact chains, organizations without events included', async () => {
    await auditedOrganization(database, 'intact-a');
    await auditedOrganization(database, 'intact-b');
    await database.db.insertInto('organizations').values({ name: 'quiet', slug: 'quiet' }).execute();
    expect(await verifyAuditTrail(database.db)).toEqual({
      organizations: 3,
      events: 20,
      checkpoints: 0,
      broken: undefined,
    });
    expect(await verifyAuditTrail(database.db, { organizationSlug: 'intact-b' })).toMatchObject({
      organizations: 1,
      events: 10,
    });
    await expect(verifyAuditTrail(database.db, { organizationSlug: 'nobody' })).rejects.toThrow(
      /no organization/,
    );
  });

  it('names an edited event', async () => {
    const events = await auditedOrganization(database, 'edited');
    await tamper(database, [`UPDATE audit_events SET outcome = 'denied' WHERE ${where(events, 6)}`]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'edited' })).broken).toMatchObject({
      organizationSlug: 'edited',
      sequence: 6,
      id: events[5]?.id,
      reason: 'edited',
    });
  });

  it('names an event whose time was edited by a microsecond', async () => {
    const events = await auditedOrganization(database, 'retimed');
    await tamper(database, [
      `UPDATE audit_events SET occurred_at = occurred_at + interval '1 microsecond' WHERE ${where(events, 2)}`,
    ]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'retimed' })).broken).toMatchObject({
      sequence: 2,
      reason: 'edited',
    });
  });

  it('names the event after a deleted one', async () => {
    const events = await auditedOrganization(database, 'deleted');
    await tamper(database, [`DELETE FROM audit_events WHERE ${where(events, 4)}`]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'deleted' })).broken).toMatchObject({
      sequence: 5,
      id: events[4]?.id,
      reason: 'deleted',
    });
  });

  it('names the missing end of a chain', async () => {
    const events = await auditedOrganization(database, 'cut');
    await tamper(database, [`DELETE FROM audit_events WHERE ${where(events, 10)}`]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'cut' })).broken).toMatchObject({
      sequence: 10,
      id: null,
      reason: 'truncated',
    });
  });

  it('names the first of two events whose sequences were swapped', async () => {
    const events = await auditedOrganization(database, 'swapped');
    await tamper(database, [
      `UPDATE audit_events SET sequence = 1000 WHERE ${where(events, 3)}`,
      `UPDATE audit_events SET sequence = 3 WHERE ${where(events, 8)}`,
      `UPDATE audit_events SET sequence = 8 WHERE ${where(events, 1000)}`,
    ]);
    expect((await verifyAuditTrail(database.db, { organizationSlug: 'swapped' })).broken).toMatchObject({
      sequence: 3,
      id: events[7]?.id,
      reason: 'reordered',
    });
  });

  it('reads a chain longer than one batch', async () => {
    const { id } = await database.db
      .insertInto('organizations')
      .values({ name: 'long', slug: 'long' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute((trx) =>
      appendAuditEvents(
        trx,
        id,
        Array.from({ length: 2500 }, (_, index) => readEvent(index)),
      ),
    );
    expect(await verifyAuditTrail(database.db, { organizationSlug: 'long' })).toEqual({
      organizations: 1,
      events: 2500,
      checkpoints: 0,
      broken: undefined,
    });
  });
});

describe('tandem audit verify', () => {
  let target: CliTarget;
  beforeAll(async () => {
    target = await createCliTarget();
  });
  afterAll(() => target?.drop());

  it('prints a summary when intact, and names the first bad event and exits 1 when not', {
    timeout: 180_000,
  }, async () => {
    const events = await target.withDatabase((database) => auditedOrganization(database, 'clinic'));
    const intact = await runTandemCli(['audit', 'verify', ...target.flags]);
    expect(intact.stderr).toBe('');
    expect(intact.code).toBe(0);
    expect(intact.stdout).toBe(
      'audit trail intact: 10 events in 1 organizations; no signed checkpoint yet (tandem audit checkpoint signs one)\n',
    );

    await target.withDatabase((database) =>
      tamper(database, [`UPDATE audit_events SET actor_role = 'admin' WHERE ${where(events, 7)}`]),
    );
    const broken = await runTandemCli(['audit', 'verify', '--organization', 'clinic', ...target.flags]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toBe(
      `audit trail broken in organization clinic (${events[0]?.organizationId}) at sequence 7 (id ${events[6]?.id}): edited, its content does not match its hash\n`,
    );

    const unknown = await runTandemCli(['audit', 'verify', '--organization', 'nobody', ...target.flags]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no organization with the slug nobody/);
  });
});
