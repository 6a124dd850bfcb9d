import {
  type AsamLevel,
  asamLevelLabel,
  type CareSetting,
  type CoOccurringCondition,
  type DischargeType,
  type EpisodeStatus,
  type LevelOfCareChangeDirection,
  type ReferralSource,
  type SubstanceClass,
  type UseFrequency,
  type UseRoute,
} from '@tandem/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { Episode, EpisodeDiagnosis } from './schemas.ts';

/** A date column as the calendar date it is (YYYY-MM-DD), never shifted by a time zone. */
export const isoDate = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;
const isoDateOrNull = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export function asamOf(edition: string | null, level: string | null) {
  if (edition === null || level === null) return null;
  const asam = { edition, level } as AsamLevel;
  return { edition: asam.edition, level: asam.level, label: asamLevelLabel(asam) };
}

/** A diagnosis as every read of one answers it (`d` is `episode_diagnoses`). */
export const diagnosisColumns = [
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

export function toDiagnosis(row: {
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

/** Reading the timeline of a patient's episodes of care; the writes are in episode-repository.ts. */
export function episodeTimelineRepository(db: Kysely<DB>) {
  return {
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
