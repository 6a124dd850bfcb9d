import {
  billableDiagnosis,
  type CareTeamRole,
  DomainError,
  primaryIndex,
  validateAdmission,
} from '@tandem/core';
import { organizationOf, type RecordContext } from '../records/record-context.ts';
import { Refusal } from '../records/refusal.ts';
import type { RecordKernel } from '../records/unit-of-work.ts';
import { admissionFieldError } from './admission-problems.ts';
import { blank, type EpisodeReads } from './episode-reads.ts';
import type { EpisodeRepository } from './episode-repository.ts';
import { invalidBody } from './episode-validation.ts';
import { admissionErrors } from './errors.ts';
import type { IntakeRepository } from './intake-repository.ts';
import type { Admission, Episode } from './schemas.ts';

const alreadyAdmittedMessage = admissionErrors.alreadyAdmitted;

/**
 * Admission: a new episode of care with its substances and diagnoses, the patient made active. The patient row
 * is locked while the admission decides, so that two people admitting the same patient at once produce one
 * episode; the partial unique index stands behind the lock.
 */
export function admitEpisode(
  records: RecordKernel,
  repository: EpisodeRepository,
  intake: IntakeRepository,
  reads: EpisodeReads,
) {
  return async function admit(
    context: RecordContext,
    patientId: string,
    admission: Admission,
  ): Promise<{ episode: Episode; joinedCareTeamAs: CareTeamRole | null }> {
    const organizationId = organizationOf(context);
    const { principal } = context;
    const activeEpisode = async () => ({
      reason: 'already_admitted',
      activeEpisodeId: await repository.activeEpisodeId(organizationId, patientId),
    });
    const outcome = await records.write(
      context,
      async ({ trx, audit, today }) => {
        const patient = await repository.lockPatient(trx, organizationId, patientId);
        if (patient === undefined) throw new DomainError('not_found', admissionErrors.noSuchPatient);
        if (patient.status === 'deceased') {
          throw new DomainError('conflict', admissionErrors.patientDied);
        }
        // The same rules the admission form ran, judged by the program's today.
        const errors = validateAdmission(admission, await today());
        if (errors.length > 0) throw invalidBody(errors.map(admissionFieldError));
        const activeEpisodeId = await repository.activeEpisodeId(organizationId, patientId, trx);
        if (activeEpisodeId !== null) {
          throw new Refusal('conflict', alreadyAdmittedMessage, {
            details: { reason: 'already_admitted', activeEpisodeId },
          });
        }
        await intake.ensureDefaults(organizationId, trx);

        const episodeId = await repository.insertEpisode(trx, {
          organizationId,
          patientId,
          admittedOn: admission.admittedOn,
          referralSource: admission.referralSource,
          referralNote: blank(admission.referralNote),
          setting: admission.setting,
          asamEdition: admission.asam?.edition ?? null,
          asamLevel: admission.asam?.level ?? null,
          presentingProblems: admission.presentingProblems,
          coOccurringConditions: [...new Set(admission.coOccurringConditions)],
          admittedByUserId: principal.userId,
        });
        const primarySubstance = primaryIndex(admission.substances, '', 'substance') as { index: number };
        await repository.insertSubstances(
          trx,
          admission.substances.map((substance, position) => ({
            organizationId,
            episodeId,
            substanceClass: substance.substanceClass,
            specificSubstance: blank(substance.specificSubstance),
            route: substance.route,
            frequency: substance.frequency,
            isPrimary: position === primarySubstance.index,
            ageOfFirstUse: substance.ageOfFirstUse ?? null,
            position,
          })),
        );
        const primaryDiagnosis = primaryIndex(admission.diagnoses, '', 'diagnosis');
        await repository.insertDiagnoses(
          trx,
          admission.diagnoses.map((diagnosis, index) => {
            const found = billableDiagnosis(diagnosis.code, '') as { code: string; description: string };
            return {
              organizationId,
              episodeId,
              patientId,
              icd10cmCode: found.code,
              description: found.description,
              isPrimary: 'index' in primaryDiagnosis && index === primaryDiagnosis.index,
              verificationStatus: diagnosis.verificationStatus,
              onsetDate: diagnosis.onsetDate ?? null,
              recordedByUserId: principal.userId,
            };
          }),
        );
        await repository.setPatientStatus(trx, organizationId, patientId, 'active');
        audit({
          resourceType: 'episode_of_care',
          resourceId: episodeId,
          fieldsChanged: Object.keys(admission),
        });

        // The admitting clinician keeps the thread until the team is assigned: they become case manager
        // unless the patient already has one.
        let joinedCareTeamAs: CareTeamRole | null = null;
        if (
          principal.staffMemberId !== null &&
          !(await repository.hasCurrentPlace(trx, organizationId, patientId, 'case_manager'))
        ) {
          const memberId = await repository.addCareTeamMember(trx, {
            organizationId,
            patientId,
            staffMemberId: principal.staffMemberId,
            role: 'case_manager',
            createdByUserId: principal.userId,
            changeReason: 'Admitted the patient',
          });
          joinedCareTeamAs = 'case_manager';
          audit({ resourceType: 'care_team', resourceId: memberId, fieldsChanged: ['case_manager'] });
        }
        return { episodeId, joinedCareTeamAs };
      },
      {
        // Two admissions raced past the lock (or the lock was not enough): the unique index decided.
        conflicts: {
          episodes_of_care_one_active: { message: alreadyAdmittedMessage, loadDetails: activeEpisode },
        },
      },
    );
    return {
      episode: await reads.one(organizationId, patientId, outcome.episodeId),
      joinedCareTeamAs: outcome.joinedCareTeamAs,
    };
  };
}
