import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';

/**
 * Migration 0020: records registered before it and never admitted were 'active' by the old default; they become
 * 'registered', and nobody with an episode of care changes.
 */
describe('migration 0020 (registered patients)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrated: false });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('makes never-admitted records registered and leaves admitted and discharged ones as they were', async () => {
    const all = await readMigrations();
    await migrate(
      database.pool,
      all.filter((migration) => migration.name < '0020'),
    );
    const pool = database.pool;
    const organization = await pool.query<{ id: string }>(
      `INSERT INTO organizations (name, slug) VALUES ('Old program', 'old-program') RETURNING id`,
    );
    const organizationId = organization.rows[0]?.id;
    const patient = async (mrn: string, status: string) =>
      (
        await pool.query<{ id: string }>(
          `INSERT INTO patients (organization_id, mrn, legal_given_name, legal_family_name, date_of_birth, status)
           VALUES ($1, $2, 'Test', $2, '1990-01-01', $3) RETURNING id`,
          [organizationId, mrn, status],
        )
      ).rows[0]?.id;
    const neverAdmitted = await patient('NEVER', 'active');
    const admitted = await patient('ADMITTED', 'active');
    const discharged = await patient('DISCHARGED', 'discharged');
    await pool.query(
      `INSERT INTO episodes_of_care (organization_id, patient_id, admitted_on, referral_source, setting)
       VALUES ($1, $2, '2026-01-05', 'self', 'outpatient')`,
      [organizationId, admitted],
    );

    await migrate(database.pool, all);

    const { rows } = await pool.query<{ id: string; status: string }>('SELECT id, status FROM patients');
    const statusOf = new Map(rows.map((row) => [row.id, row.status]));
    expect(statusOf.get(neverAdmitted ?? '')).toBe('registered');
    expect(statusOf.get(admitted ?? '')).toBe('active');
    expect(statusOf.get(discharged ?? '')).toBe('discharged');
    const fresh = await patient('NEW', 'registered');
    expect(fresh).toBeDefined();
    await expect(patient('BAD', 'admitted')).rejects.toThrow(/patients_status_check/);
  });
});
