import { billableDiagnosis, DomainError } from '@tandem/core';
import { withValues } from '../i18n/error-message.ts';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { staleVersion } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { admissionFieldError } from './admission-problems.ts';
import { episodeRepository } from './episode-repository.ts';
import { invalidBody } from './episode-validation.ts';
import { admissionErrors } from './errors.ts';
import { lockedEpisode } from './locked-episode.ts';
import type { DiagnosisInput, DiagnosisUpdate, EpisodeDiagnosis } from './schemas.ts';

/**
 * An episode's diagnoses after admission: added as the picture clears, their clinical and verification status
 * kept current (FHIR Condition's), one of them primary. A diagnosis is never deleted: one recorded by mistake is
 * marked entered-in-error, which also frees the primary mark.
 */
export function diagnosisService(records: RecordKernel) {
  const repository = episodeRepository(records.db);

  return {
    async add(
      context: RecordContext,
      patientId: string,
      episodeId: string,
      input: DiagnosisInput,
    ): Promise<EpisodeDiagnosis> {
      const organizationId = organizationOf(context);
      const found = billableDiagnosis(input.code, 'code');
      if ('error' in found) throw invalidBody([admissionFieldError(found.error)]);
      const diagnosisId = await records.write(context, async ({ trx, audit }) => {
        await lockedEpisode(repository, trx, organizationId, patientId, episodeId);
        if (await repository.hasDiagnosisCode(trx, organizationId, episodeId, found.code)) {
          const message = withValues(admissionErrors.diagnosisRecorded, { code: found.code });
          throw invalidBody([{ path: 'code', message }]);
        }
        const makePrimary = input.isPrimary && input.verificationStatus !== 'entered-in-error';
        if (makePrimary) await repository.demotePrimaryDiagnosis(trx, organizationId, episodeId, null);
        const [id] = await repository.insertDiagnoses(trx, [
          {
            organizationId,
            episodeId,
            patientId,
            icd10cmCode: found.code,
            description: found.description,
            isPrimary: makePrimary,
            clinicalStatus: input.clinicalStatus,
            verificationStatus: input.verificationStatus,
            onsetDate: input.onsetDate ?? null,
            recordedByUserId: context.principal.userId,
          },
        ]);
        if (id === undefined) throw new Error('The diagnosis was not inserted');
        audit({ resourceType: 'diagnosis', resourceId: id, fieldsChanged: Object.keys(input) });
        return id;
      });
      const created = await repository.findDiagnosis(organizationId, episodeId, diagnosisId);
      if (created === undefined) throw new Error('The diagnosis just added is missing');
      return created;
    },

    async update(
      context: RecordContext,
      patientId: string,
      episodeId: string,
      diagnosisId: string,
      change: DiagnosisUpdate,
    ): Promise<EpisodeDiagnosis> {
      const organizationId = organizationOf(context);
      const { version, ...fields } = change;
      const now = async () => {
        const diagnosis = await repository.findDiagnosis(organizationId, episodeId, diagnosisId);
        if (diagnosis === undefined) throw new DomainError('not_found', admissionErrors.noSuchDiagnosis);
        return diagnosis;
      };
      await records.write(context, async ({ trx, audit }) => {
        await lockedEpisode(repository, trx, organizationId, patientId, episodeId);
        const current = await repository.findDiagnosis(organizationId, episodeId, diagnosisId, trx);
        if (current === undefined) throw new DomainError('not_found', admissionErrors.noSuchDiagnosis);
        if (current.version !== version) {
          staleVersion(admissionErrors.staleDiagnosis, now);
        }
        const verification = fields.verificationStatus ?? current.verificationStatus;
        let isPrimary = fields.isPrimary ?? current.isPrimary;
        if (verification === 'entered-in-error') isPrimary = false;
        if (isPrimary && !current.isPrimary) {
          await repository.demotePrimaryDiagnosis(trx, organizationId, episodeId, diagnosisId);
        }
        await repository.updateDiagnosis(trx, organizationId, episodeId, diagnosisId, version, {
          ...fields,
          isPrimary,
        });
        audit({ resourceType: 'diagnosis', resourceId: diagnosisId, fieldsChanged: Object.keys(fields) });
      });
      return now();
    },
  };
}

export type DiagnosisService = ReturnType<typeof diagnosisService>;
