import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase } from '../backup/backup.ts';
import { restoreDatabase } from '../backup/restore.ts';
import { migrate, readMigrations } from '../db/migrate.ts';
import { insertPatient } from '../testing/invitation-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

/**
 * Migration 0019 on a database that already holds consents (written as the server wrote them before it): every
 * consent becomes a signed version, an amendment chain becomes one record's versions, a revocation an addendum,
 * and the edge cases land as ADR 0005 says.
 */
let database: TestDatabase;
let organizationId: string;
let witness: string;
let patient: string;
let otherPatient: string;
const ids: Record<string, string> = {};

async function insertOldConsent(
  key: string,
  values: {
    patientId?: string;
    supersedes?: string;
    revoked?: string | null;
    kind?: 'person' | 'organization';
    minutesAgo: number;
    /** Otherwise the database draws one. */
    id?: string;
  },
): Promise<void> {
  const revokedAt = values.revoked === undefined ? null : sql`now()`;
  const row = await sql<{ id: string }>`
    INSERT INTO consents (id, organization_id, patient_id, recipient_kind, recipient_name, categories, purpose,
      starts_on, expires_on, expiry_event, signed_name, signed_at, witnessed_by_user_id, supersedes_consent_id,
      revoked_at, revoked_by_user_id, revocation_reason, created_at)
    VALUES (coalesce(${values.id ?? null}::uuid, uuid_generate_v7()), ${organizationId}::uuid,
      ${values.patientId ?? patient}::uuid, ${values.kind ?? 'person'},
      ${`Recipient ${key}`}, ARRAY['attendance', 'medications'], ${`Purpose ${key}`}, '2026-01-05',
      ${key === 'event' ? null : '2026-12-31'}, ${key === 'event' ? 'End of the court case' : null},
      'Pat Old', now() - interval '1 day' - ${values.minutesAgo} * interval '1 minute', ${witness}::uuid,
      ${values.supersedes ?? null}::uuid, ${revokedAt}, ${values.revoked === undefined ? null : witness}::uuid,
      ${values.revoked ?? null}, now() - ${values.minutesAgo} * interval '1 minute')
    RETURNING id`.execute(database.db);
  ids[key] = row.rows[0]?.id ?? '';
}

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
  const before0019 = (await readMigrations()).filter((migration) => migration.name < '0019');
  await migrate(database.pool, before0019);
  const { db } = database;
  organizationId = (
    await db
      .insertInto('organizations')
      .values({ name: 'Backfill', slug: 'backfill' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  witness = (
    await db
      .insertInto('users')
      .values({ name: 'Casey Witness', email: 'casey@example.org' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  patient = await insertPatient(db, organizationId, { given: 'Pat', family: 'Old' });
  otherPatient = await insertPatient(db, organizationId, { given: 'Riley', family: 'Other' });

  await insertOldConsent('active', { minutesAgo: 100 });
  await insertOldConsent('event', { kind: 'organization', minutesAgo: 99 });
  await insertOldConsent('revoked', { revoked: 'I want to share less', minutesAgo: 98 });
  await insertOldConsent('revokedNoReason', { revoked: null, minutesAgo: 97 });
  // A chain of two amendments: A, then B replacing A, then C replacing B.
  await insertOldConsent('a', { revoked: 'Replaced by an amended consent', minutesAgo: 90 });
  await insertOldConsent('b', {
    supersedes: ids.a,
    revoked: 'Replaced by an amended consent',
    minutesAgo: 80,
  });
  await insertOldConsent('c', { supersedes: ids.b, minutesAgo: 70 });
  // Superseded twice (only possible by direct SQL): the earlier successor continues the chain.
  await insertOldConsent('d', { revoked: 'Replaced by an amended consent', minutesAgo: 60 });
  await insertOldConsent('e', { supersedes: ids.d, minutesAgo: 50 });
  await insertOldConsent('f', { supersedes: ids.d, minutesAgo: 40 });
  // An amendment whose id sorts before the consent it replaced (UUIDv7s drawn in one millisecond may): a backup
  // must still put the replaced one first, or its restore refuses the amendment (it did once, in CI).
  await insertOldConsent('late', {
    id: '01900000-0000-7000-8000-00000000ffff',
    revoked: 'Replaced by an amended consent',
    minutesAgo: 35,
  });
  await insertOldConsent('earlyId', {
    id: '01900000-0000-7000-8000-000000000001',
    supersedes: ids.late,
    minutesAgo: 34,
  });
  // Names another patient's consent as the one it replaced.
  await insertOldConsent('crossed', { patientId: otherPatient, supersedes: ids.active, minutesAgo: 30 });

  await migrate(database.pool);
});

afterAll(async () => {
  await database?.close();
});

async function linkOf(key: string) {
  return database.db
    .selectFrom('consents')
    .select(['signedRecordId', 'signedRecordVersion', 'supersedesConsentId', 'revokedAt'])
    .where('id', '=', ids[key] ?? '')
    .executeTakeFirstOrThrow();
}

async function versionsOf(recordId: string) {
  return database.db
    .selectFrom('signedRecordVersions')
    .select(['number', 'status', 'content', 'reason', 'signedByUserId', 'supersededAt'])
    .where('recordId', '=', recordId)
    .orderBy('number')
    .execute();
}

async function addendaOf(recordId: string) {
  return database.db
    .selectFrom('signedRecordAddenda')
    .select(['versionNumber', 'text', 'signedByUserId'])
    .where('recordId', '=', recordId)
    .execute();
}

describe('migration 0019 on consents recorded before it', () => {
  it('makes every consent a signed version of a consent record of its patient', async () => {
    const unlinked = await sql<{ n: string }>`
      SELECT count(*) AS n FROM consents c
      LEFT JOIN signed_records r ON r.organization_id = c.organization_id AND r.id = c.signed_record_id
      WHERE r.id IS NULL OR r.record_type <> 'consent' OR r.patient_id <> c.patient_id`.execute(database.db);
    expect(Number(unlinked.rows[0]?.n)).toBe(0);
    const mismatched = await sql<{ n: string }>`
      SELECT count(*) AS n FROM consents c
      JOIN signed_record_versions v ON v.organization_id = c.organization_id AND v.record_id = c.signed_record_id
        AND v.number = c.signed_record_version
      WHERE v.content - 'signedAt' <> consent_signed_content(c) - 'signedAt'
         OR (v.content ->> 'signedAt')::timestamptz <> c.signed_at`.execute(database.db);
    expect(Number(mismatched.rows[0]?.n)).toBe(0);
  });

  it('keeps a consent that was never changed as version 1, signed by its witness, with its terms', async () => {
    const link = await linkOf('active');
    expect(link).toMatchObject({ signedRecordId: ids.active, signedRecordVersion: 1 });
    const [version] = await versionsOf(link.signedRecordId);
    expect(version).toMatchObject({
      number: 1,
      status: 'signed',
      reason: null,
      signedByUserId: witness,
      content: {
        recipientKind: 'person',
        supportContactId: null,
        recipientName: 'Recipient active',
        categories: ['attendance', 'medications'],
        startsOn: '2026-01-05',
        expiresOn: '2026-12-31',
        expiryEvent: null,
        signedName: 'Pat Old',
      },
    });
    const event = await versionsOf((await linkOf('event')).signedRecordId);
    expect(event[0]?.content).toMatchObject({ expiresOn: null, expiryEvent: 'End of the court case' });
  });

  it('turns an amendment chain into the versions of one record, oldest first', async () => {
    const [a, b, c] = await Promise.all([linkOf('a'), linkOf('b'), linkOf('c')]);
    expect([a, b, c].map((link) => [link.signedRecordId, link.signedRecordVersion])).toEqual([
      [ids.a, 1],
      [ids.a, 2],
      [ids.a, 3],
    ]);
    const versions = await versionsOf(ids.a ?? '');
    expect(versions.map((version) => version.status)).toEqual(['superseded', 'superseded', 'signed']);
    expect(versions.map((version) => version.reason)).toEqual([
      null,
      'Amended consent (recorded before consents were signed records)',
      'Amended consent (recorded before consents were signed records)',
    ]);
    // Replaced, not revoked: no addendum.
    expect(await addendaOf(ids.a ?? '')).toEqual([]);
  });

  it('records each revocation no amendment replaced as a signed addendum', async () => {
    expect(await addendaOf(ids.revoked ?? '')).toEqual([
      { versionNumber: 1, text: 'Consent revoked: I want to share less', signedByUserId: witness },
    ]);
    expect(await addendaOf(ids.revokedNoReason ?? '')).toEqual([
      { versionNumber: 1, text: 'Consent revoked.', signedByUserId: witness },
    ]);
    expect((await versionsOf(ids.revoked ?? '')).map((version) => version.status)).toEqual(['signed']);
  });

  it('continues a chain with the earlier of two successors; the later one and a crossed one start their own', async () => {
    expect(await linkOf('e')).toMatchObject({ signedRecordId: ids.d, signedRecordVersion: 2 });
    expect(await linkOf('f')).toMatchObject({
      signedRecordId: ids.f,
      signedRecordVersion: 1,
      supersedesConsentId: ids.d,
    });
    expect(await linkOf('crossed')).toMatchObject({ signedRecordId: ids.crossed, signedRecordVersion: 1 });
    const crossed = await database.db
      .selectFrom('signedRecords')
      .select('patientId')
      .where('id', '=', ids.crossed ?? '')
      .executeTakeFirstOrThrow();
    expect(crossed.patientId).toBe(otherPatient);
  });

  it('keeps what the backfill wrote as immutable as the rest, and refuses a consent its version does not say', async () => {
    const { db } = database;
    await expect(
      sql`UPDATE consents SET signed_record_version = 2 WHERE id = ${ids.active}::uuid`.execute(db),
    ).rejects.toThrow(/not rewritten/);
    await expect(
      sql`INSERT INTO consents (organization_id, patient_id, recipient_kind, recipient_name, categories, purpose,
            starts_on, expires_on, signed_name, signed_at, witnessed_by_user_id, signed_record_id,
            signed_record_version)
          VALUES (${organizationId}::uuid, ${patient}::uuid, 'person', 'Someone else', ARRAY['diagnosis'],
            'Not what was signed', '2026-01-05', '2026-12-31', 'Pat Old', now(), ${witness}::uuid,
            ${ids.active}::uuid, 1)`.execute(db),
    ).rejects.toThrow(/says what its signed version says|duplicate key|consents_signed_record_version/);
  });

  it('backs up and restores, edge cases and superseded versions included, row for row', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'tandem-consent-backfill-'));
    const target = await createTestDatabase();
    try {
      const file = join(folder, 'backup.jsonl.gz');
      await backupDatabase(database.pool, file, { kind: database.kind });
      await restoreDatabase(target.pool, file);
      const count = async (db: TestDatabase['db']) =>
        (
          await db
            .selectFrom('consents')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      expect(await count(target.db)).toBe(await count(database.db));
    } finally {
      await target.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});
