import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';

/**
 * Records a route may name by their own id (`/api/episodes/:episodeId`, later `/fhir/R4/EpisodeOfCare/:id`): the
 * authorization hook finds the patient they belong to here, then decides as for any route on that patient.
 */
export const patientOwnedRecords = ['episode_of_care', 'signed_record'] as const;
export type PatientOwnedRecord = (typeof patientOwnedRecords)[number];

/** The patient a record belongs to, in this organization; undefined when there is no such record here. */
export async function patientOwning(
  db: Kysely<DB>,
  record: PatientOwnedRecord,
  organizationId: string,
  recordId: string,
): Promise<string | undefined> {
  const table = record === 'episode_of_care' ? 'episodesOfCare' : 'signedRecords';
  const row = await db
    .selectFrom(table)
    .select('patientId')
    .where('organizationId', '=', organizationId)
    .where('id', '=', recordId)
    .executeTakeFirst();
  return row?.patientId;
}
