import type { Role } from '@tandem/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../audit/repository.ts';
import type { RecordContext } from '../records/record-context.ts';
import { recordKernel } from '../records/unit-of-work.ts';
import { insertPatient } from '../testing/invitation-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { signedRecordRepository } from './repository.ts';
import { type SignedRecordService, signedRecordService } from './service.ts';

/**
 * The signed-record kernel on both databases, with a record type of its own ("test_note"): the rules of draft,
 * signature, co-signature, amendment and addendum, two people at once, and a database that refuses rewrites.
 */
let database: TestDatabase;
let service: SignedRecordService;
let organizationId: string;
let patientId: string;
const users: Record<'casey' | 'priya' | 'sam' | 'alex', string> = { casey: '', priya: '', sam: '', alex: '' };
const roles: Record<keyof typeof users, Role> = {
  casey: 'clinician',
  priya: 'prescriber',
  sam: 'supervisor',
  alex: 'supervisor',
};

const as = (who: keyof typeof users): RecordContext => ({
  principal: {
    userId: users[who],
    sessionId: who,
    name: who,
    email: `${who}@example.org`,
    organizationId,
    role: roles[who],
    staffMemberId: null,
    language: 'en',
  },
  access: null,
  actor: { actorUserId: users[who], actorRole: roles[who], ipAddress: null, userAgent: 'vitest' },
});

const note = (text: string, goals: string[] = ['Attend every group']) => ({ text, goals });
const newNote = () =>
  service.createDraft(as('casey'), { patientId, recordType: 'test_note', content: note('Patient engaged') });

beforeAll(async () => {
  database = await createTestDatabase();
  const { db } = database;
  organizationId = (
    await db
      .insertInto('organizations')
      .values({ name: 'Signed', slug: 'signed' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const who of Object.keys(users) as (keyof typeof users)[]) {
    users[who] = (
      await db
        .insertInto('users')
        .values({ name: who, email: `${who}@example.org` })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  patientId = await insertPatient(db, organizationId, { given: 'Robin', family: 'Signed' });
  service = signedRecordService(recordKernel(db), signedRecordRepository(db), {
    test_note: { text: 'Note', goals: 'Goal' },
  });
});
afterAll(async () => {
  await database?.close();
});

describe('signed records', () => {
  it('goes from draft to signed and locked, every step audited', async () => {
    const draft = await newNote();
    expect(draft.versions).toMatchObject([{ number: 1, status: 'draft', revision: 1 }]);
    const saved = await service.saveDraft(as('casey'), draft.id, 1, 1, note('Patient engaged in group'));
    expect(saved.versions[0]).toMatchObject({ revision: 2, content: note('Patient engaged in group') });
    const signed = await service.sign(as('casey'), draft.id, 1, 2);
    expect(signed.versions[0]).toMatchObject({
      status: 'signed',
      signedByName: 'casey',
      cosignatureRequired: false,
    });

    await expect(service.saveDraft(as('casey'), draft.id, 1, 3, note('Rewritten'))).rejects.toMatchObject({
      code: 'conflict',
    });
    const events = (await auditRepository(database.db).eventsAfter(organizationId, 0, 10_000)).filter(
      (event) => event.resourceId === draft.id,
    );
    expect(events.map((event) => [event.action, event.resourceType, event.patientId])).toEqual([
      ['create', 'test_note', patientId],
      ['update', 'test_note', patientId],
      ['sign', 'test_note', patientId],
    ]);
  });

  it('lets only the author save or sign a draft', async () => {
    const draft = await newNote();
    await expect(service.saveDraft(as('priya'), draft.id, 1, 1, note('Not mine'))).rejects.toMatchObject({
      code: 'forbidden',
    });
    await expect(service.sign(as('priya'), draft.id, 1, 1)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('answers a stale draft save with the draft as it is now', async () => {
    const draft = await newNote();
    await service.saveDraft(as('casey'), draft.id, 1, 1, note('First tab'));
    await expect(service.saveDraft(as('casey'), draft.id, 1, 1, note('Second tab'))).rejects.toMatchObject({
      code: 'version_conflict',
      details: { current: { versions: [{ content: note('First tab') }] } },
    });
  });

  it('signs once when the author signs from two places at the same moment', async () => {
    const draft = await newNote();
    const outcomes = await Promise.allSettled([
      service.sign(as('casey'), draft.id, 1, 1),
      service.sign(as('casey'), draft.id, 1, 1),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({
      code: 'conflict',
      details: { current: { versions: [{ status: 'signed' }] } },
    });
    const signs = (await auditRepository(database.db).eventsAfter(organizationId, 0, 10_000)).filter(
      (event) => event.resourceId === draft.id && event.action === 'sign',
    );
    expect(signs).toHaveLength(1);
  });

  it('changes a signed record only by a new version with a reason, showing what changed', async () => {
    const draft = await newNote();
    await service.sign(as('casey'), draft.id, 1, 1);
    await expect(service.amend(as('casey'), draft.id, ' ', note('x'))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    const amended = await service.amend(
      as('casey'),
      draft.id,
      'Goal written for the wrong patient',
      note('Patient engaged', ['Call sponsor daily']),
    );
    expect(amended.versions.map((version) => [version.number, version.status])).toEqual([
      [1, 'signed'],
      [2, 'draft'],
    ]);
    const signed = await service.sign(as('casey'), draft.id, 2, 1);
    expect(signed.versions.map((version) => [version.number, version.status])).toEqual([
      [1, 'superseded'],
      [2, 'signed'],
    ]);
    expect(signed.versions[1]).toMatchObject({
      reason: 'Goal written for the wrong patient',
      changes: [{ label: 'Goal #1', before: 'Attend every group', after: 'Call sponsor daily' }],
    });
    expect(signed.versions[0]?.content).toEqual(note('Patient engaged'));
  });

  it('opens one amendment at a time, also when two clinicians amend at once', async () => {
    const draft = await newNote();
    await service.sign(as('casey'), draft.id, 1, 1);
    const outcomes = await Promise.allSettled([
      service.amend(as('casey'), draft.id, 'Dose was wrong', note('A')),
      service.amend(as('priya'), draft.id, 'Date was wrong', note('B')),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(
      (outcomes.find((outcome) => outcome.status === 'rejected') as PromiseRejectedResult).reason,
    ).toMatchObject({
      code: 'conflict',
    });
    expect((await service.read(as('casey'), draft.id)).versions).toHaveLength(2);
  });

  it('waits for a supervisor other than the signer where the organization requires a co-signature', async () => {
    await database.db
      .updateTable('organizations')
      .set({ cosignatureRequiredRecordTypes: ['test_note'] })
      .where('id', '=', organizationId)
      .execute();
    try {
      const draft = await service.createDraft(as('sam'), {
        patientId,
        recordType: 'test_note',
        content: note('Sam writes'),
      });
      const signed = await service.sign(as('sam'), draft.id, 1, 1);
      expect(signed.versions[0]).toMatchObject({ status: 'awaiting_cosignature', cosignatureRequired: true });
      await expect(service.cosign(as('sam'), draft.id, 1)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(service.cosign(as('priya'), draft.id, 1)).rejects.toMatchObject({ code: 'forbidden' });
      const outcomes = await Promise.allSettled([
        service.cosign(as('alex'), draft.id, 1),
        service.cosign(as('alex'), draft.id, 1),
      ]);
      expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      const cosigned = await service.read(as('alex'), draft.id);
      expect(cosigned.versions[0]).toMatchObject({ status: 'signed', cosignedByName: 'alex' });
    } finally {
      await database.db
        .updateTable('organizations')
        .set({ cosignatureRequiredRecordTypes: [] })
        .where('id', '=', organizationId)
        .execute();
    }
  });

  it('adds dated, signed addenda beside a signed version, never to a draft', async () => {
    const draft = await newNote();
    await expect(service.addAddendum(as('priya'), draft.id, 1, 'Too early')).rejects.toMatchObject({
      code: 'conflict',
    });
    await service.sign(as('casey'), draft.id, 1, 1);
    const withAddendum = await service.addAddendum(
      as('priya'),
      draft.id,
      1,
      'Urine screen came back negative later.',
    );
    expect(withAddendum.addenda).toMatchObject([
      { versionNumber: 1, text: 'Urine screen came back negative later.', signedByName: 'priya' },
    ]);
    expect(withAddendum.versions[0]?.status).toBe('signed');
  });

  it('is never deleted or rewritten, whoever asks the database', async () => {
    const draft = await newNote();
    await service.sign(as('casey'), draft.id, 1, 1);
    const { db } = database;
    await expect(
      db
        .updateTable('signedRecordVersions')
        .set({ content: JSON.stringify(note('Forged')) })
        .where('recordId', '=', draft.id)
        .execute(),
    ).rejects.toThrow(/not rewritten/);
    await expect(
      db
        .updateTable('signedRecordVersions')
        .set({ status: 'draft', signedAt: null, signedByUserId: null })
        .where('recordId', '=', draft.id)
        .execute(),
    ).rejects.toThrow(/not rewritten|moves only forward/);
    await expect(
      db.deleteFrom('signedRecordVersions').where('recordId', '=', draft.id).execute(),
    ).rejects.toThrow(/never deleted/);
    await expect(db.deleteFrom('signedRecords').where('id', '=', draft.id).execute()).rejects.toThrow(
      /never deleted/,
    );
  });
});
