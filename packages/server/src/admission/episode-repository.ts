import type { CareSetting, CareTeamRole, EpisodeStatus, PatientStatus } from '@tandem/core';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { careTeamRepository } from '../care-team/repository.ts';
import type {
  DB,
  EpisodeDiagnoses,
  EpisodeSubstances,
  EpisodesOfCare,
  LevelOfCareChanges,
} from '../db/schema.generated.ts';
import {
  diagnosisColumns,
  episodeTimelineRepository,
  isoDate,
  toDiagnosis,
} from './episode-timeline-repository.ts';
import type { EpisodeDiagnosis } from './schemas.ts';

export { asamOf } from './episode-timeline-repository.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** What a write needs to know of an episode before it changes it. */
export interface EpisodeState {
  id: string;
  status: EpisodeStatus;
  admittedOn: string;
  setting: CareSetting;
  asamEdition: string | null;
  asamLevel: string | null;
  version: number;
  /** The date of the latest level-of-care change, if any. */
  lastChangeOn: string | null;
}

/**
 * The only SQL on episodes of care, their substances, diagnoses and level-of-care changes: the writes here, the
 * timeline read (`listEpisodes`) from episode-timeline-repository.ts.
 */
export function episodeRepository(db: Kysely<DB>) {
  return {
    ...episodeTimelineRepository(db),
    async activeEpisodeId(organizationId: string, patientId: string, trx: Db = db): Promise<string | null> {
      const row = await trx
        .selectFrom('episodesOfCare')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    /** The patient row, locked until the transaction ends (admission and discharge change its status). */
    async lockPatient(trx: Transaction<DB>, organizationId: string, patientId: string) {
      return trx
        .selectFrom('patients')
        .select(['status', 'version'])
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .forUpdate()
        .executeTakeFirst();
    },

    async setPatientStatus(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      status: Exclude<PatientStatus, 'registered'>,
    ): Promise<void> {
      await trx
        .updateTable('patients')
        .set({ status, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', patientId)
        .where('status', '<>', status)
        .execute();
    },

    async insertEpisode(trx: Transaction<DB>, values: Insertable<EpisodesOfCare>): Promise<string> {
      const row = await trx
        .insertInto('episodesOfCare')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async insertSubstances(trx: Transaction<DB>, rows: Insertable<EpisodeSubstances>[]): Promise<void> {
      if (rows.length > 0) await trx.insertInto('episodeSubstances').values(rows).execute();
    },

    async insertDiagnoses(trx: Transaction<DB>, rows: Insertable<EpisodeDiagnoses>[]): Promise<string[]> {
      if (rows.length === 0) return [];
      const inserted = await trx.insertInto('episodeDiagnoses').values(rows).returning('id').execute();
      return inserted.map((row) => row.id);
    },

    async hasCurrentPlace(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      role: CareTeamRole,
    ): Promise<boolean> {
      const row = await trx
        .selectFrom('careTeamMembers')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('patientId', '=', patientId)
        .where('role', '=', role)
        .where('endedAt', 'is', null)
        .executeTakeFirst();
      return row !== undefined;
    },

    async addCareTeamMember(
      trx: Transaction<DB>,
      values: {
        organizationId: string;
        patientId: string;
        staffMemberId: string;
        role: CareTeamRole;
        createdByUserId: string;
        changeReason: string;
      },
    ): Promise<string> {
      const row = await trx
        .insertInto('careTeamMembers')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Who stays on the care team after a discharge (the care team's one current-team query). */
    async currentCareTeam(organizationId: string, patientId: string) {
      const team = await careTeamRepository(db).currentTeam(organizationId, patientId);
      return team.map(({ staffMemberId, displayName, role }) => ({ staffMemberId, displayName, role }));
    },

    /** The episode as a write sees it, its row locked until the transaction ends. */
    async lockEpisode(
      trx: Transaction<DB>,
      organizationId: string,
      patientId: string,
      episodeId: string,
    ): Promise<EpisodeState | undefined> {
      const row = await trx
        .selectFrom('episodesOfCare as e')
        .select([
          'e.id',
          'e.status',
          isoDate('e.admitted_on').as('admittedOn'),
          'e.setting',
          'e.asamEdition',
          'e.asamLevel',
          'e.version',
          sql<string | null>`(SELECT to_char(max(c.effective_on), 'YYYY-MM-DD') FROM level_of_care_changes c
            WHERE c.organization_id = e.organization_id AND c.episode_id = e.id)`.as('lastChangeOn'),
        ])
        .where('e.organizationId', '=', organizationId)
        .where('e.patientId', '=', patientId)
        .where('e.id', '=', episodeId)
        .forUpdate()
        .executeTakeFirst();
      if (row === undefined) return undefined;
      return { ...row, status: row.status as EpisodeStatus, setting: row.setting as CareSetting };
    },

    /** Changes the episode only at the given version; false means stale. */
    async updateEpisode(
      trx: Transaction<DB>,
      organizationId: string,
      episodeId: string,
      version: number,
      fields: Partial<Insertable<EpisodesOfCare>>,
    ): Promise<boolean> {
      const result = await trx
        .updateTable('episodesOfCare')
        .set({ ...fields, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('id', '=', episodeId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async insertLevelOfCareChange(
      trx: Transaction<DB>,
      values: Insertable<LevelOfCareChanges>,
    ): Promise<string> {
      const row = await trx
        .insertInto('levelOfCareChanges')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    async findDiagnosis(
      organizationId: string,
      episodeId: string,
      diagnosisId: string,
      trx: Db = db,
    ): Promise<EpisodeDiagnosis | undefined> {
      const row = await trx
        .selectFrom('episodeDiagnoses as d')
        .select(diagnosisColumns)
        .where('d.organizationId', '=', organizationId)
        .where('d.episodeId', '=', episodeId)
        .where('d.id', '=', diagnosisId)
        .executeTakeFirst();
      return row === undefined ? undefined : toDiagnosis(row);
    },

    async hasDiagnosisCode(trx: Transaction<DB>, organizationId: string, episodeId: string, code: string) {
      const row = await trx
        .selectFrom('episodeDiagnoses')
        .select('id')
        .where('organizationId', '=', organizationId)
        .where('episodeId', '=', episodeId)
        .where('icd10cmCode', '=', code)
        .executeTakeFirst();
      return row !== undefined;
    },

    /** Clears the primary mark of the episode's other diagnoses (one primary at a time). */
    async demotePrimaryDiagnosis(
      trx: Transaction<DB>,
      organizationId: string,
      episodeId: string,
      exceptId: string | null,
    ): Promise<void> {
      let query = trx
        .updateTable('episodeDiagnoses')
        .set({ isPrimary: false, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('episodeId', '=', episodeId)
        .where('isPrimary', '=', true);
      if (exceptId !== null) query = query.where('id', '<>', exceptId);
      await query.execute();
    },

    async updateDiagnosis(
      trx: Transaction<DB>,
      organizationId: string,
      episodeId: string,
      diagnosisId: string,
      version: number,
      fields: Partial<Insertable<EpisodeDiagnoses>>,
    ): Promise<boolean> {
      const result = await trx
        .updateTable('episodeDiagnoses')
        .set({ ...fields, version: sql<number>`version + 1`, updatedAt: sql<Date>`now()` })
        .where('organizationId', '=', organizationId)
        .where('episodeId', '=', episodeId)
        .where('id', '=', diagnosisId)
        .where('version', '=', version)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}

export type EpisodeRepository = ReturnType<typeof episodeRepository>;
