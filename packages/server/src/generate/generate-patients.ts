import { base, Faker } from '@faker-js/faker';
import type { Kysely } from 'kysely';
import { StartupError } from '../app/startup-error.ts';
import type { DB } from '../db/schema.generated.ts';
import { demoOrganization } from '../demo/demo-accounts.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { patientRepository } from '../patients/repository.ts';
import { generatedCareRepository } from './care-repository.ts';
import { type SyntheticCare, syntheticCare, syntheticTherapists } from './synthetic-care.ts';
import { defaultAsOf, type SyntheticPatient, syntheticPatients } from './synthetic-patients.ts';

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
  /** Episodes of care written for the patients, active ones included. */
  episodes: number;
  /** Synthetic clinicians added to carry the new caseloads. */
  therapists: number;
}

/** How many patients in treatment a synthetic clinician carries, on average. */
const patientsPerTherapist = 22;
/** The share of synthetic patients in treatment now (synthetic-patients.ts draws their status). */
const expectedActiveShare = 0.5;

/** Rows per INSERT statement, and statements per transaction. */
const rowsPerInsert = 1000;
const insertsPerTransaction = 10;

/**
 * Adds `count` synthetic patients to an organization, with their episodes of care (settings, ASAM levels,
 * primary substance, step-downs, discharges) and, for those in treatment, a primary therapist: the
 * organization's own clinicians and synthetic ones added for the purpose. Their medical record numbers are
 * reserved first, in one short transaction, so that real registrations going on meanwhile keep their own
 * numbers; the rows then go in by transactions of 10,000 patients.
 */
export async function generatePatients(
  db: Kysely<DB>,
  options: GeneratePatientsOptions,
): Promise<GeneratePatientsResult> {
  if (!Number.isSafeInteger(options.count) || options.count < 0) {
    throw new StartupError(`Cannot generate ${options.count} patients: give a whole number of 0 or more.`);
  }
  const organizationId = await resolveOrganization(db, options.organizationSlug);
  if (options.count === 0) {
    return { organizationId, firstMrn: undefined, inserted: 0, episodes: 0, therapists: 0 };
  }
  const firstMrnValue = await db
    .transaction()
    .execute((trx) => patientRepository(trx).allocateMrnValues(organizationId, options.count));

  const asOf = options.asOf ?? defaultAsOf;
  const careOptions = { seed: options.seed, firstMrnValue, asOf };
  const careRepository = generatedCareRepository(db);
  const therapists = syntheticTherapists(
    careOptions,
    Math.ceil((options.count * expectedActiveShare) / patientsPerTherapist),
  );
  const therapistIds = await db.transaction().execute(async (trx) => {
    const repository = generatedCareRepository(trx);
    const existing = await repository.activeClinicianIds(organizationId);
    return [...existing, ...(await repository.insertTherapists(organizationId, therapists))];
  });
  await careRepository.analyze();
  const assign = new Faker({ locale: [base] });
  assign.seed([options.seed, firstMrnValue, 103]);

  const patients = syntheticPatients({ seed: options.seed, count: options.count, firstMrnValue, asOf });
  const careFor = syntheticCare(careOptions);
  let inserted = 0;
  let episodes = 0;
  let firstMrn: string | undefined;
  let done = false;
  while (!done) {
    await db.transaction().execute(async (trx) => {
      const repository = patientRepository(trx);
      const cares: SyntheticCare[] = [];
      const places: { patientId: string; staffMemberId: string; startedAt: Date }[] = [];
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
        for (const patient of batch) {
          const care = careFor(patient);
          cares.push(care);
          const active = care.episodes.find((episode) => episode.status === 'active');
          if (care.needsPrimaryTherapist && active !== undefined) {
            places.push({
              patientId: patient.id,
              staffMemberId: assign.helpers.arrayElement(therapistIds),
              startedAt: active.createdAt,
            });
          }
        }
        inserted += batch.length;
        if (done) break;
      }
      const care = generatedCareRepository(trx);
      const newEpisodes = cares.flatMap((one) => one.episodes);
      await care.insertEpisodes(organizationId, newEpisodes);
      await care.insertSubstances(
        organizationId,
        cares.flatMap((one) => one.substances),
      );
      await care.insertLevelChanges(
        organizationId,
        cares.flatMap((one) => one.levelChanges),
      );
      await care.insertPrimaryTherapists(organizationId, places);
      episodes += newEpisodes.length;
    });
    // The foreign key checks of the next batches look patients up by key: with the statistics of an empty
    // table PostgreSQL plans those lookups as scans of the whole table.
    if (!done && inserted <= rowsPerInsert * insertsPerTransaction) await careRepository.analyze();
    options.onProgress?.(inserted, options.count);
  }
  await careRepository.vacuumAnalyze();
  return { organizationId, firstMrn, inserted, episodes, therapists: therapists.length };
}

async function resolveOrganization(db: Kysely<DB>, slug: string | undefined): Promise<string> {
  if (slug === undefined || slug === demoOrganization.slug) return (await seedDemo(db)).organizationId;
  const row = await db.selectFrom('organizations').select('id').where('slug', '=', slug).executeTakeFirst();
  if (row === undefined) throw new StartupError(`There is no organization with the slug ${slug}.`);
  return row.id;
}
