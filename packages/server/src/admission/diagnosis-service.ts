import { DomainError } from '@tandem/core';
import type { Kysely } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import { episodeRepository } from './episode-repository.ts';
import { billableDiagnosis, invalidBody } from './episode-validation.ts';
import type { DiagnosisInput, DiagnosisUpdate, EpisodeDiagnosis } from './schemas.ts';

/**
 * An episode's diagnoses after admission: added as the picture clears, their clinical and verification status
 * kept current (FHIR Condition's), one of them primary. A diagnosis is never deleted: one recorded by mistake is
 * marked entered-in-error, which also frees the primary mark.
 */
export function diagnosisService(db: Kysely<DB>) {
  const repository = episodeRepository(db);

  return {
    async add(
      principal: Principal,
      patientId: string,
      episodeId: string,
      input: DiagnosisInput,
      audit: WriteAudit,
    ): Promise<EpisodeDiagnosis> {
      const { organizationId } = principal;
      const found = billableDiagnosis(input.code, 'code');
      if ('error' in found) throw invalidBody([found.error]);
      const diagnosisId = await db.transaction().execute(async (trx) => {
        const episode = await repository.lockEpisode(trx, organizationId, patientId, episodeId);
        if (episode === undefined) throw new DomainError('not_found', 'No such episode of care.');
        if (await repository.hasDiagnosisCode(trx, organizationId, episodeId, found.code)) {
          throw invalidBody([{ path: 'code', message: `${found.code} is already recorded in this episode` }]);
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
            recordedByUserId: principal.userId,
          },
        ]);
        if (id === undefined) throw new Error('The diagnosis was not inserted');
        await appendAuditEvents(trx, organizationId, [
          audit({ resourceType: 'diagnosis', resourceId: id, fieldsChanged: Object.keys(input) }),
        ]);
        return id;
      });
      const created = await repository.findDiagnosis(organizationId, episodeId, diagnosisId);
      if (created === undefined) throw new Error('The diagnosis just added is missing');
      return created;
    },

    async update(
      principal: Principal,
      patientId: string,
      episodeId: string,
      diagnosisId: string,
      change: DiagnosisUpdate,
      audit: WriteAudit,
    ): Promise<EpisodeDiagnosis> {
      const { organizationId } = principal;
      const { version, ...fields } = change;
      const changed = await db.transaction().execute(async (trx) => {
        const episode = await repository.lockEpisode(trx, organizationId, patientId, episodeId);
        if (episode === undefined) throw new DomainError('not_found', 'No such episode of care.');
        const current = await repository.findDiagnosis(organizationId, episodeId, diagnosisId, trx);
        if (current === undefined) throw new DomainError('not_found', 'No such diagnosis.');
        if (current.version !== version) return false;
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
        await appendAuditEvents(trx, organizationId, [
          audit({ resourceType: 'diagnosis', resourceId: diagnosisId, fieldsChanged: Object.keys(fields) }),
        ]);
        return true;
      });
      const now = await repository.findDiagnosis(organizationId, episodeId, diagnosisId);
      if (now === undefined) throw new DomainError('not_found', 'No such diagnosis.');
      if (!changed) {
        throw new DomainError(
          'version_conflict',
          'Someone else changed this diagnosis; review their change.',
          {
            details: { current: now },
          },
        );
      }
      return now;
    },
  };
}
