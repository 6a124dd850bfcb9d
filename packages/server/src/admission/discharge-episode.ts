import { DomainError, type ErrorMessage, type FieldError } from '@tandem/core';
import { withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal, staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { blank, type EpisodeReads } from './episode-reads.ts';
import type { EpisodeRepository } from './episode-repository.ts';
import { invalidBody } from './episode-validation.ts';
import { admissionErrors } from './errors.ts';
import { lockedEpisode, staleEpisodeMessage } from './locked-episode.ts';
import type { Discharge } from './schemas.ts';

/**
 * Discharge closes the episode and sets the patient's status (discharged, or deceased after a death). It ends
 * nobody's place on the care team: aftercare calls, records requests and a possible readmission still need
 * them. The answer lists who remains, so the clinician can end places deliberately.
 */
export function dischargeEpisode(records: RecordKernel, repository: EpisodeRepository, reads: EpisodeReads) {
  return async function discharge(
    context: RecordContext,
    patientId: string,
    episodeId: string,
    input: Discharge,
  ) {
    const organizationId = organizationOf(context);
    const current = () => reads.one(organizationId, patientId, episodeId);
    await records.write(context, async ({ trx, audit, today }) => {
      const patient = await repository.lockPatient(trx, organizationId, patientId);
      if (patient === undefined) throw new DomainError('not_found', admissionErrors.noSuchPatient);
      const episode = await lockedEpisode(repository, trx, organizationId, patientId, episodeId);
      if (episode.status !== 'active') {
        throw new Refusal('conflict', admissionErrors.alreadyDischarged, {
          details: { reason: 'already_discharged' },
          current,
        });
      }
      if (episode.version !== input.version) staleVersion(staleEpisodeMessage, current);
      const programToday = await today();
      const errors: FieldError<ErrorMessage>[] = [];
      if (input.dischargedOn < episode.admittedOn) {
        errors.push({
          path: 'dischargedOn',
          message: withValues(admissionErrors.dischargeBeforeAdmission, { admittedOn: episode.admittedOn }),
        });
      } else if (episode.lastChangeOn !== null && input.dischargedOn < episode.lastChangeOn) {
        errors.push({
          path: 'dischargedOn',
          message: withValues(admissionErrors.dischargeBeforeLastChange, {
            lastChangeOn: episode.lastChangeOn,
          }),
        });
      }
      if (input.dischargedOn > programToday) {
        errors.push({
          path: 'dischargedOn',
          message: withValues(admissionErrors.dischargeInFuture, { today: programToday }),
        });
      }
      if (input.dischargeType !== 'death' && input.aftercarePlan === '') {
        errors.push({
          path: 'aftercarePlan',
          message: admissionErrors.writeAftercarePlan,
        });
      }
      if (errors.length > 0) throw invalidBody(errors);
      await repository.updateEpisode(trx, organizationId, episodeId, episode.version, {
        status: 'discharged',
        dischargedOn: input.dischargedOn,
        dischargeType: input.dischargeType,
        aftercarePlan: blank(input.aftercarePlan),
        dischargedByUserId: context.principal.userId,
      });
      await repository.setPatientStatus(
        trx,
        organizationId,
        patientId,
        input.dischargeType === 'death' ? 'deceased' : 'discharged',
      );
      audit({
        resourceType: 'episode_of_care',
        resourceId: episodeId,
        fieldsChanged: ['status', 'dischargedOn', 'dischargeType', 'aftercarePlan'],
      });
    });
    return {
      episode: await current(),
      careTeamRemains: await repository.currentCareTeam(organizationId, patientId),
    };
  };
}
