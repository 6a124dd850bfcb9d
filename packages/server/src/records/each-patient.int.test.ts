import { DomainError } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import { demoAccountFor } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import type { RecordContext } from './record-context.ts';
import { type RecordKernel, recordKernel } from './unit-of-work.ts';

/**
 * A record that names several patients (a group session: its attendees): each patient is decided under their own
 * relationship to the caller, in one query, and every refusal is in the trail even when the work fails.
 */
describe('several patients in one unit of work', () => {
  let database: TestDatabase;
  let records: RecordKernel;
  let organizationId: string;
  const patients: Record<'pat' | 'riley' | 'dana', string> = { pat: '', riley: '', dana: '' };
  let clinician: RecordContext;
  const elsewhere = '01900000-0000-7000-8000-00000000dead';

  beforeAll(async () => {
    database = await createTestDatabase();
    records = recordKernel(database.db);
    ({ organizationId } = await seedDemo(database.db));
    for (const [key, family] of [
      ['pat', 'Example'],
      ['riley', 'Thompson'],
      ['dana', 'Whitfield'],
    ] as const) {
      patients[key] = (
        await database.db
          .selectFrom('patients')
          .select('id')
          .where('organizationId', '=', organizationId)
          .where('legalFamilyName', '=', family)
          .executeTakeFirstOrThrow()
      ).id;
    }
    const account = demoAccountFor('clinician');
    const staff = await database.db
      .selectFrom('staffMembers')
      .select(['id', 'userId'])
      .where('organizationId', '=', organizationId)
      .where('email', '=', account.email)
      .executeTakeFirstOrThrow();
    clinician = {
      principal: {
        userId: staff.userId ?? '',
        sessionId: 's',
        name: 'Demo clinician',
        email: account.email,
        organizationId,
        role: 'clinician',
        staffMemberId: staff.id,
        language: 'en',
      },
      // A group session's shared content is an organization resource of its own; the route decided that.
      access: null,
      actor: {
        actorUserId: staff.userId,
        actorRole: 'clinician',
        ipAddress: '192.0.2.9',
        userAgent: 'vitest',
      },
    };
  });
  afterAll(async () => {
    await database?.close();
  });

  const trailSince = async (sequence: number) =>
    (await auditRepository(database.db).eventsAfter(organizationId, sequence, 100)).map((event) => [
      event.patientId,
      event.resourceType,
      event.outcome,
    ]);
  const head = async () => (await auditRepository(database.db).chainHead(organizationId))?.lastSequence ?? 0;

  it('decides each attendee under their own relationship and audits each refusal with the work', async () => {
    const before = await head();
    const decided = await records.write(clinician, async (unit) => {
      const access = await unit.authorizeEach([patients.pat, patients.riley, patients.dana, elsewhere], {
        resource: 'episode_of_care',
        action: 'read',
      });
      for (const patientId of access.allowed.keys()) {
        unit.audit({
          action: 'read',
          resourceType: 'episode_of_care',
          resourceId: null,
          fieldsChanged: null,
          patientId,
        });
      }
      return access;
    });
    // The demo clinician is on Pat's care team only: Riley is another therapist's, Dana has no team yet.
    expect([...decided.allowed.keys()]).toEqual([patients.pat]);
    expect(decided.allowed.get(patients.pat)?.basis).toBe('care_team');
    expect([...decided.refused.keys()].sort()).toEqual([patients.riley, patients.dana].sort());
    // Another organization's patient, or none at all: absent, never decided, never named in the trail.
    expect(decided.missing).toEqual([elsewhere]);
    const trail = await trailSince(before);
    expect(trail).toContainEqual([patients.pat, 'episode_of_care', 'allowed']);
    expect(trail).toContainEqual([patients.riley, 'episode_of_care', 'denied']);
    expect(trail).toContainEqual([patients.dana, 'episode_of_care', 'denied']);
    expect(trail).toHaveLength(3);
  });

  it('keeps the refusals in the trail when the work then fails, and nothing of the work', async () => {
    const before = await head();
    await expect(
      records.write(clinician, async (unit) => {
        await unit.authorizeEach([patients.pat, patients.riley], {
          resource: 'episode_of_care',
          action: 'update',
        });
        unit.audit({
          action: 'update',
          resourceType: 'episode_of_care',
          resourceId: null,
          fieldsChanged: ['note'],
          patientId: patients.pat,
        });
        throw new DomainError('conflict', 'The session changed meanwhile.');
      }),
    ).rejects.toThrow('The session changed meanwhile.');
    expect(await trailSince(before)).toEqual([[patients.riley, 'episode_of_care', 'denied']]);
  });

  it('decides on the read path too, inside its read-only transaction', async () => {
    const before = await head();
    const decided = await records.read(clinician, (unit) =>
      unit.authorizeEach([patients.riley], { resource: 'episode_of_care', action: 'read' }),
    );
    expect(decided.allowed.size).toBe(0);
    expect(await trailSince(before)).toEqual([[patients.riley, 'episode_of_care', 'denied']]);
  });
});
