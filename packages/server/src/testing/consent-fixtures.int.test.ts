import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertConsentDirectly, programTodayOf } from './consent-fixtures.ts';
import {
  insertConsent,
  insertOrganizationWithStaff,
  insertPatient,
  insertSupportContact,
} from './invitation-fixtures.ts';
import { createTestDatabase, type TestDatabase } from './test-database.ts';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

/**
 * A program whose calendar date differs from UTC's right now: past 10:00 UTC it is already tomorrow on
 * Kiritimati (UTC+14); before it, it is still yesterday in Pago Pago (UTC−11).
 */
function zoneWhoseDateIsNotUtcs(now = new Date()): string {
  return now.getUTCHours() >= 10 ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
}

describe('consent test fixtures', () => {
  it('agree with the program clock on what today is, wherever the program is', async () => {
    const { db } = database;
    const { organizationId, userId } = await insertOrganizationWithStaff(db, {
      slug: 'far-away',
      email: 'witness@far-away.test',
      password: 'a long enough password',
      role: 'clinician',
    });
    await db
      .updateTable('organizations')
      .set({ timeZone: zoneWhoseDateIsNotUtcs() })
      .where('id', '=', organizationId)
      .execute();
    const patientId = await insertPatient(db, organizationId, { given: 'Noa', family: 'Farwater' });
    const supportContactId = await insertSupportContact(db, organizationId, patientId, {
      name: 'Ira Farwater',
      email: null,
    });
    const terms = {
      patientId,
      supportContactId,
      recipientName: 'Ira Farwater',
      categories: ['attendance' as const],
      witnessedByUserId: userId,
      startsInDays: 0,
      expiresInDays: 1,
    };
    const ids = [
      await insertConsent(db, organizationId, terms),
      await insertConsentDirectly(db, organizationId, terms),
    ];

    const today = await programTodayOf(db, organizationId);
    const rows = await db
      .selectFrom('consents')
      .select(['id', 'startsOn'])
      .where('organizationId', '=', organizationId)
      .execute();
    expect(rows.map((row) => ({ id: row.id, startsOn: String(row.startsOn) }))).toEqual(
      expect.arrayContaining(ids.map((id) => ({ id, startsOn: today }))),
    );
    expect(rows).toHaveLength(2);
  });
});
