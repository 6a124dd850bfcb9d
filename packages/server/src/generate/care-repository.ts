import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type {
  SyntheticEpisode,
  SyntheticLevelChange,
  SyntheticSubstance,
  SyntheticTherapist,
} from './synthetic-care.ts';

/** Rows per INSERT statement (well under PostgreSQL's 65,535 parameters for the widest of these tables). */
const rowsPerInsert = 1000;

function* chunks<T>(rows: readonly T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += rowsPerInsert)
    yield rows.slice(start, start + rowsPerInsert);
}

/** The SQL of synthetic care: staff, episodes and what hangs off them, care team places. */
export function generatedCareRepository(db: Kysely<DB>) {
  return {
    /** The organization's active clinicians, oldest first: the demo's own therapists take patients too. */
    async activeClinicianIds(organizationId: string): Promise<string[]> {
      const rows = await db
        .selectFrom('staffMembers')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('jobRole', '=', 'clinician')
        .where('active', '=', true)
        .orderBy('createdAt')
        .orderBy('id')
        .execute();
      return rows.map((row) => row.id);
    },

    async insertTherapists(organizationId: string, therapists: SyntheticTherapist[]): Promise<string[]> {
      const ids: string[] = [];
      for (const chunk of chunks(therapists)) {
        const rows = await db
          .insertInto('staffMembers')
          .values(
            chunk.map(({ substanceExperience, ...therapist }) => ({
              organizationId,
              ...therapist,
              substanceExperience: sql`${JSON.stringify(substanceExperience)}::jsonb`,
            })),
          )
          .returning('id')
          .execute();
        ids.push(...rows.map((row) => row.id));
      }
      return ids;
    },

    async insertEpisodes(organizationId: string, episodes: SyntheticEpisode[]): Promise<void> {
      for (const chunk of chunks(episodes)) {
        await db
          .insertInto('episodesOfCare')
          .values(chunk.map((episode) => ({ organizationId, ...episode })))
          .execute();
      }
    },

    async insertSubstances(organizationId: string, substances: SyntheticSubstance[]): Promise<void> {
      for (const chunk of chunks(substances)) {
        await db
          .insertInto('episodeSubstances')
          .values(chunk.map((substance) => ({ organizationId, ...substance })))
          .execute();
      }
    },

    async insertLevelChanges(organizationId: string, changes: SyntheticLevelChange[]): Promise<void> {
      for (const chunk of chunks(changes)) {
        await db
          .insertInto('levelOfCareChanges')
          .values(chunk.map((change) => ({ organizationId, ...change })))
          .execute();
      }
    },

    async insertPrimaryTherapists(
      organizationId: string,
      places: { patientId: string; staffMemberId: string; startedAt: Date }[],
    ): Promise<void> {
      for (const chunk of chunks(places)) {
        await db
          .insertInto('careTeamMembers')
          .values(
            chunk.map((place) => ({
              organizationId,
              ...place,
              role: 'primary_therapist',
              createdAt: place.startedAt,
              updatedAt: place.startedAt,
            })),
          )
          .execute();
      }
    },

    /**
     * After the bulk load: statistics for the planner, and the trigram index's pending list merged into the index
     * (until autovacuum gets to it, every name search would scan that list whole).
     */
    async vacuumAnalyze(): Promise<void> {
      await sql`VACUUM (ANALYZE) patients, episodes_of_care, care_team_members, staff_members`.execute(db);
    },

    /** Fresh planner statistics, so that the first searches after a bulk load use the indexes. */
    async analyze(): Promise<void> {
      await sql`ANALYZE patients, episodes_of_care, care_team_members, staff_members`.execute(db);
    },
  };
}
