import { DomainError, type ErrorMessage, type FieldError, levelOfCareMisfit } from '@tandem/core';
import { withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { admissionFieldError } from './admission-problems.ts';
import type { EpisodeReads } from './episode-reads.ts';
import type { EpisodeRepository } from './episode-repository.ts';
import { invalidBody } from './episode-validation.ts';
import { admissionErrors } from './errors.ts';
import { lockedEpisode, staleEpisodeMessage } from './locked-episode.ts';
import type { Episode, LevelOfCareChangeInput } from './schemas.ts';

/** Step down, step up or move the level of care: a dated event of the episode, at the version the caller saw. */
export function changeLevelOfCare(records: RecordKernel, repository: EpisodeRepository, reads: EpisodeReads) {
  return async function change(
    context: RecordContext,
    patientId: string,
    episodeId: string,
    input: LevelOfCareChangeInput,
  ): Promise<Episode> {
    const organizationId = organizationOf(context);
    await records.write(context, async ({ trx, audit, today }) => {
      const episode = await lockedEpisode(repository, trx, organizationId, patientId, episodeId);
      if (episode.status !== 'active') {
        throw new DomainError('conflict', admissionErrors.dischargedAdmitAgain);
      }
      if (episode.version !== input.version) {
        staleVersion(staleEpisodeMessage, () => reads.one(organizationId, patientId, episodeId));
      }
      const programToday = await today();
      const errors: FieldError<ErrorMessage>[] = [];
      if (input.effectiveOn < episode.admittedOn) {
        errors.push({
          path: 'effectiveOn',
          message: withValues(admissionErrors.changeBeforeAdmission, { admittedOn: episode.admittedOn }),
        });
      } else if (episode.lastChangeOn !== null && input.effectiveOn < episode.lastChangeOn) {
        errors.push({
          path: 'effectiveOn',
          message: withValues(admissionErrors.changeBeforeLastChange, { lastChangeOn: episode.lastChangeOn }),
        });
      }
      if (input.effectiveOn > programToday) {
        errors.push({
          path: 'effectiveOn',
          message: withValues(admissionErrors.changeInFuture, { today: programToday }),
        });
      }
      const asamEdition = input.asam?.edition ?? null;
      const asamLevel = input.asam?.level ?? null;
      if (
        input.setting === episode.setting &&
        asamEdition === episode.asamEdition &&
        asamLevel === episode.asamLevel
      ) {
        errors.push({ path: 'setting', message: admissionErrors.currentLevelOfCare });
      }
      const misfit = levelOfCareMisfit(input.setting, input.asam);
      if (misfit !== undefined) errors.push(admissionFieldError(misfit));
      if (errors.length > 0) throw invalidBody(errors);
      const changeId = await repository.insertLevelOfCareChange(trx, {
        organizationId,
        episodeId,
        effectiveOn: input.effectiveOn,
        direction: input.direction,
        fromSetting: episode.setting,
        fromAsamEdition: episode.asamEdition,
        fromAsamLevel: episode.asamLevel,
        setting: input.setting,
        asamEdition,
        asamLevel,
        reason: input.reason,
        recordedByUserId: context.principal.userId,
      });
      await repository.updateEpisode(trx, organizationId, episodeId, episode.version, {
        setting: input.setting,
        asamEdition,
        asamLevel,
      });
      audit({
        resourceType: 'level_of_care_change',
        resourceId: changeId,
        fieldsChanged: ['setting', 'asam', 'effectiveOn', 'direction', 'reason'],
      });
    });
    return reads.one(organizationId, patientId, episodeId);
  };
}
