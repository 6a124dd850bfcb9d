import type { Kysely } from 'kysely';
import { StartupError } from '../app/startup-error.ts';
import type { DB } from '../db/schema.generated.ts';
import { demoOrganization } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { patientRepository } from '../patients/repository.ts';
import { type SyntheticPatient, syntheticPatients } from './synthetic-patients.ts';

export interface GeneratePatientsOptions {
  count: number;
  seed: number;
  /** Slug of the organization to fill; default the demo organization, created when missing. */
  organizationSlug?: string;
  asOf?: Date;
  onProgress?: (inserted: number, total: number) => void;
}

export interface GeneratePatientsResult {
  organizationId: string;
  firstMrn: string | undefined;
  inserted: number;
}

/** Rows per INSERT statement, and statements per transaction. */
const rowsPerInsert = 1000;
const insertsPerTransaction = 10;

/**
 * Adds `count` synthetic patients to an organization. Their medical record numbers are reserved first, in
 * one short transaction, so that real registrations going on meanwhile keep their own numbers; the rows
 * then go in by transactions of 10,000.
 */
export async function generatePatients(
  db: Kysely<DB>,
  options: GeneratePatientsOptions,
): Promise<GeneratePatientsResult> {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new StartupError(`Cannot generate ${options.count} patients: give a whole number of 0 or more.`);
  }
  const organizationId = await resolveOrganization(db, options.organizationSlug);
  if (options.count === 0) return { organizationId, firstMrn: undefined, inserted: 0 };
  const firstMrnValue = await db
    .transaction()
    .execute((trx) => patientRepository(trx).allocateMrnValues(organizationId, options.count));

  const patients = syntheticPatients({
    seed: options.seed,
    count: options.count,
    firstMrnValue,
    ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
  });
  let inserted = 0;
  let firstMrn: string | undefined;
  let done = false;
  while (!done) {
    await db.transaction().execute(async (trx) => {
      const repository = patientRepository(trx);
      for (let statement = 0; statement < insertsPerTransaction; statement++) {
        const batch: SyntheticPatient[] = [];
        for (let next = patients.next(); ; next = patients.next()) {
          if (next.done) {
            done = true;
            break;
          }
          batch.push(next.value);
          if (batch.length === rowsPerInsert) break;
        }
        firstMrn ??= batch[0]?.mrn;
        await repository.insertMany(batch.map((patient) => ({ organizationId, ...patient })));
        inserted += batch.length;
        if (done) break;
      }
    });
    options.onProgress?.(inserted, options.count);
  }
  return { organizationId, firstMrn, inserted };
}

async function resolveOrganization(db: Kysely<DB>, slug: string | undefined): Promise<string> {
  if (slug === undefined || slug === demoOrganization.slug) return (await seedDemo(db)).organizationId;
  const row = await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (row === undefined) throw new StartupError(`There is no organization with the slug ${slug}.`);
  return row.id;
}
