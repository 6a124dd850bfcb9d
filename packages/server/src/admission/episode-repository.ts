import {
  type AsamLevel,
  asamLevelLabel,
  type CareSetting,
  type CareTeamRole,
  type CoOccurringCondition,
  type DischargeType,
  type EpisodeStatus,
  type LevelOfCareChangeDirection,
  type ReferralSource,
  type SubstanceClass,
  type UseFrequency,
  type UseRoute,
} from '@tandem/core';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type {
  DB,
  EpisodeDiagnoses,
  EpisodeSubstances,
  EpisodesOfCare,
  LevelOfCareChanges,
} from '../db/schema.generated.ts';
import type { Episode, EpisodeDiagnosis } from './schemas.ts';

type Db = Kysely<DB> | Transaction<DB>;

const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const isoDateOrNull = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export function asamOf(edition: string | null, level: string | null) {
  if (edition === null || level === null) return null;
  const asam = { edition, level } as AsamLevel;
  return { edition: asam.edition, level: asam.level, label: asamLevelLabel(asam) };
}

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

const diagnosisColumns = [
  'd.id',
  'd.episodeId',
  'd.icd10cmCode as code',
  'd.description',
  'd.isPrimary',
  'd.clinicalStatus',
  'd.verificationStatus',
  isoDateOrNull('d.onset_date').as('onsetDate'),
  'd.version',
] as const;

function toDiagnosis(row: {
  id: string;
  episodeId: string;
  code: string;
  description: string;
  isPrimary: boolean;
  clinicalStatus: string;
  verificationStatus: string;
  onsetDate: string | null;
  version: number;
}): EpisodeDiagnosis {
  return row as EpisodeDiagnosis;
}

/** The only SQL on episodes of care, their substances, diagnoses and level-of-care changes. */
export function episodeRepository(db: Kysely<DB>) {
  return {
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
      status: 'active' | 'discharged' | 'deceased',
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

    async currentCareTeam(organizationId: string, patientId: string) {
      const rows = await db
        .selectFrom('careTeamMembers as ctm')
        .innerJoin('staffMembers as sm', (join) =>
          join.onRef('sm.organizationId', '=', 'ctm.organizationId').onRef('sm.id', '=', 'ctm.staffMemberId'),
        )
        .select(['ctm.staffMemberId', 'sm.displayName', 'ctm.role'])
        .where('ctm.organizationId', '=', organizationId)
        .where('ctm.patientId', '=', patientId)
        .where('ctm.endedAt', 'is', null)
        .orderBy('ctm.startedAt')
        .execute();
      return rows.map((row) => ({ ...row, role: row.role as CareTeamRole }));
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

    /**
     * A patient's episodes, newest first, each with its substances, diagnoses and level-of-care changes (the
     * intake summary is the intake repository's). One query per part, never one per episode.
     */
    async listEpisodes(
      organizationId: string,
      patientId: string,
      only?: string,
    ): Promise<Omit<Episode, 'intake'>[]> {
      let query = db
        .selectFrom('episodesOfCare as e')
        .leftJoin('users as a', 'a.id', 'e.admittedByUserId')
        .leftJoin('users as d', 'd.id', 'e.dischargedByUserId')
        .select([
          'e.id',
          'e.patientId',
          'e.status',
          isoDate('e.admitted_on').as('admittedOn'),
          'e.referralSource',
          'e.referralNote',
          'e.setting',
          'e.asamEdition',
          'e.asamLevel',
          'e.presentingProblems',
          'e.coOccurringConditions',
          isoDateOrNull('e.discharged_on').as('dischargedOn'),
          'e.dischargeType',
          'e.aftercarePlan',
          'a.name as admittedBy',
          'd.name as dischargedBy',
          'e.version',
        ])
        .where('e.organizationId', '=', organizationId)
        .where('e.patientId', '=', patientId);
      if (only !== undefined) query = query.where('e.id', '=', only);
      const episodes = await query.orderBy('e.admittedOn', 'desc').orderBy('e.createdAt', 'desc').execute();
      if (episodes.length === 0) return [];
      const ids = episodes.map((episode) => episode.id);

      const substances = await db
        .selectFrom('episodeSubstances')
        .select([
          'id',
          'episodeId',
          'substanceClass',
          'specificSubstance',
          'route',
          'frequency',
          'isPrimary',
          'ageOfFirstUse',
        ])
        .where('organizationId', '=', organizationId)
        .where('episodeId', 'in', ids)
        .orderBy('position')
        .execute();
      const diagnoses = await db
        .selectFrom('episodeDiagnoses as d')
        .select(diagnosisColumns)
        .where('d.organizationId', '=', organizationId)
        .where('d.episodeId', 'in', ids)
        .orderBy('d.isPrimary', 'desc')
        .orderBy('d.recordedAt')
        .execute();
      const changes = await db
        .selectFrom('levelOfCareChanges as c')
        .leftJoin('users as u', 'u.id', 'c.recordedByUserId')
        .select([
          'c.id',
          'c.episodeId',
          isoDate('c.effective_on').as('effectiveOn'),
          'c.direction',
          'c.fromSetting',
          'c.fromAsamEdition',
          'c.fromAsamLevel',
          'c.setting',
          'c.asamEdition',
          'c.asamLevel',
          'c.reason',
          'u.name as recordedBy',
        ])
        .where('c.organizationId', '=', organizationId)
        .where('c.episodeId', 'in', ids)
        .orderBy('c.effectiveOn')
        .orderBy('c.createdAt')
        .execute();

      return episodes.map((episode) => ({
        id: episode.id,
        patientId: episode.patientId,
        status: episode.status as EpisodeStatus,
        admittedOn: episode.admittedOn,
        referralSource: episode.referralSource as ReferralSource,
        referralNote: episode.referralNote,
        setting: episode.setting as CareSetting,
        asam: asamOf(episode.asamEdition, episode.asamLevel),
        presentingProblems: episode.presentingProblems,
        coOccurringConditions: episode.coOccurringConditions as CoOccurringCondition[],
        dischargedOn: episode.dischargedOn,
        dischargeType: episode.dischargeType as DischargeType | null,
        aftercarePlan: episode.aftercarePlan,
        admittedBy: episode.admittedBy,
        dischargedBy: episode.dischargedBy,
        version: episode.version,
        substances: substances
          .filter((substance) => substance.episodeId === episode.id)
          .map(({ episodeId: _episodeId, ...substance }) => ({
            ...substance,
            substanceClass: substance.substanceClass as SubstanceClass,
            route: substance.route as UseRoute,
            frequency: substance.frequency as UseFrequency,
          })),
        diagnoses: diagnoses.filter((diagnosis) => diagnosis.episodeId === episode.id).map(toDiagnosis),
        levelOfCareChanges: changes
          .filter((change) => change.episodeId === episode.id)
          .map((change) => ({
            id: change.id,
            effectiveOn: change.effectiveOn,
            direction: change.direction as LevelOfCareChangeDirection,
            fromSetting: change.fromSetting as CareSetting,
            fromAsam: asamOf(change.fromAsamEdition, change.fromAsamLevel),
            setting: change.setting as CareSetting,
            asam: asamOf(change.asamEdition, change.asamLevel),
            reason: change.reason,
            recordedBy: change.recordedBy,
          })),
      }));
    },
  };
}

export type EpisodeRepository = ReturnType<typeof episodeRepository>;
