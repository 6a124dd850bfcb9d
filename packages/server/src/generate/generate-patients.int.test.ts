import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemDatabase } from '../db/database.ts';
import { demoOrganization } from '../demo/demo-accounts.ts';
import { demoPatients } from '../demo/seed-demo-patients.ts';
import { patientRepository } from '../patients/repository.ts';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.ts';
import { generatePatients } from './generate-patients.ts';

// The same organization id in both databases, so that whole rows can be compared.
const organization = {
  id: '01900000-0000-7000-8000-000000000001',
  name: 'Generated Clinic',
  slug: 'generated',
};

async function patientRows(database: TandemDatabase): Promise<string[]> {
  const { rows } = await database.pool.query<{ row: string }>(
    `SELECT to_jsonb(p)::text AS row FROM patients p WHERE organization_id = $1 ORDER BY id`,
    [organization.id],
  );
  return rows.map((row) => row.row);
}

describe('generatePatients', () => {
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    for (const database of [first, second]) {
      await database.db.insertInto('organizations').values(organization).execute();
    }
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
  });

  it('writes the same rows, ids and timestamps included, for the same seed in two databases', async () => {
    const options = { count: 2345, seed: 42, organizationSlug: organization.slug };
    const [a, b] = [await generatePatients(first.db, options), await generatePatients(second.db, options)];
    expect(a).toMatchObject({ organizationId: organization.id, firstMrn: '0000001', inserted: 2345 });
    expect(b).toEqual(a);
    const rows = await patientRows(first);
    expect(rows).toHaveLength(2345);
    expect(await patientRows(second)).toEqual(rows);
  });

  it('gives every patient in treatment one active episode and a primary therapist, and nobody else', async () => {
    const { rows } = await first.pool.query<{
      status: string;
      patients: number;
      active: number;
      therapists: number;
    }>(
      `SELECT p.status, count(*)::int AS patients,
              count(e.id)::int AS active, count(t.id)::int AS therapists
         FROM patients p
         LEFT JOIN episodes_of_care e
           ON e.organization_id = p.organization_id AND e.patient_id = p.id AND e.status = 'active'
         LEFT JOIN care_team_members t ON t.organization_id = p.organization_id AND t.patient_id = p.id
           AND t.role = 'primary_therapist' AND t.ended_at IS NULL
        WHERE p.organization_id = $1 GROUP BY p.status ORDER BY p.status`,
      [organization.id],
    );
    const byStatus = Object.fromEntries(rows.map((row) => [row.status, row]));
    expect(byStatus.active?.active).toBe(byStatus.active?.patients);
    expect(byStatus.active?.therapists).toBe(byStatus.active?.patients);
    expect(byStatus.discharged?.active).toBe(0);
    expect(byStatus.discharged?.therapists).toBe(0);
    // Every patient has been admitted at least once, on or after registering; discharges follow admissions.
    const { rows: checks } = await first.pool.query<{
      without: number;
      early: number;
      settings: number;
      levels: number;
    }>(
      `SELECT
         (SELECT count(*)::int FROM patients p WHERE p.organization_id = $1 AND NOT EXISTS (
            SELECT FROM episodes_of_care e WHERE e.organization_id = p.organization_id AND e.patient_id = p.id)) AS without,
         (SELECT count(*)::int FROM episodes_of_care e JOIN patients p ON p.id = e.patient_id
           WHERE e.admitted_on < p.created_at::date) AS early,
         (SELECT count(DISTINCT setting)::int FROM episodes_of_care WHERE status = 'active') AS settings,
         (SELECT count(DISTINCT (asam_edition, asam_level))::int FROM episodes_of_care) AS levels`,
      [organization.id],
    );
    expect(checks[0]).toMatchObject({ without: 0, early: 0, settings: 5 });
    expect(checks[0]?.levels).toBeGreaterThan(10);
  });

  it('continues the record numbers on a second run, with other people and no collisions', async () => {
    const result = await generatePatients(first.db, {
      count: 1000,
      seed: 42,
      organizationSlug: organization.slug,
    });
    expect(result.firstMrn).toBe('0002346');
    const { rows } = await first.pool.query<{ total: number; mrns: number; ids: number; last: string }>(
      `SELECT count(*)::int AS total, count(DISTINCT mrn)::int AS mrns, count(DISTINCT id)::int AS ids,
              max(mrn) AS last
         FROM patients WHERE organization_id = $1`,
      [organization.id],
    );
    expect(rows[0]).toEqual({ total: 3345, mrns: 3345, ids: 3345, last: '0003345' });
    const { rows: counter } = await first.pool.query<{ next_value: number }>(
      'SELECT next_value FROM mrn_sequences WHERE organization_id = $1',
      [organization.id],
    );
    expect(counter[0]?.next_value).toBe(3346);
  });

  it('finds accented names without their accents (search_name and its trigram index)', async () => {
    const { rows } = await first.pool.query<{ accented: number; plain: number }>(
      `SELECT count(*) FILTER (WHERE legal_family_name || legal_given_name ~ '[^\\x01-\\x7f]')::int AS accented,
              count(*) FILTER (WHERE search_name ~ '[^\\x01-\\x7f]')::int AS plain
         FROM patients`,
    );
    expect(rows[0]?.accented).toBeGreaterThan(100);
    expect(rows[0]?.plain).toBe(0);
    const { rows: found } = await first.pool.query<{ name: string }>(
      `SELECT legal_family_name AS name FROM patients
        WHERE organization_id = $1 AND search_name LIKE '%' || immutable_unaccent(lower($2)) || '%' LIMIT 5`,
      [organization.id, 'NGUYEN'],
    );
    expect(found.length).toBeGreaterThan(0);
    expect(found.map((row) => row.name)).toContain('Nguyễn');
  });

  it('fills the demo organization by default, creating it when missing', async () => {
    const database = await createTestDatabase();
    try {
      const result = await generatePatients(database.db, { count: 10, seed: 1 });
      const demo = await database.db
        .selectFrom('organizations')
        .select('id')
        .where('slug', '=', demoOrganization.slug)
        .executeTakeFirstOrThrow();
      expect(result.organizationId).toBe(demo.id);
      // Ten synthetic patients beside the demo's own.
      expect(await patientRepository(database.db).countByOrganization(demo.id)).toBe(
        10 + demoPatients.length,
      );
    } finally {
      await database.close();
    }
  });

  it('names a missing organization', async () => {
    await expect(
      generatePatients(first.db, { count: 1, seed: 1, organizationSlug: 'nowhere' }),
    ).rejects.toThrow('There is no organization with the slug nowhere.');
  });

  it('never hands out the same record number twice, even to concurrent callers', async () => {
    const starts = await Promise.all(
      Array.from({ length: 12 }, () =>
        second.db
          .transaction()
          .execute((trx) => patientRepository(trx).allocateMrnValues(organization.id, 5)),
      ),
    );
    const numbers = starts.flatMap((start) => [0, 1, 2, 3, 4].map((offset) => start + offset));
    expect(new Set(numbers).size).toBe(60);
    expect(Math.min(...numbers)).toBe(2346);
    expect(Math.max(...numbers)).toBe(2405);
  });
});
