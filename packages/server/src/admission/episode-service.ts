import { type CareTeamRole, DomainError, type FieldError, localDateAt } from '@tandem/core';
import type { Kysely, Transaction } from 'kysely';
import { appendAuditEvents } from '../audit/repository.ts';
import { programClock } from '../consents/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import { type EpisodeState, episodeRepository } from './episode-repository.ts';
import { billableDiagnosis, invalidBody, primaryIndex } from './episode-validation.ts';
import { intakeRepository } from './intake-repository.ts';
import type { Admission, Discharge, Episode, EpisodeUpdate, LevelOfCareChangeInput } from './schemas.ts';

async function programToday(trx: Kysely<DB> | Transaction<DB>, organizationId: string): Promise<string> {
  const clock = await programClock(trx, organizationId);
  return localDateAt(clock.now, clock.timeZone);
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === '23505';

/**
 * Episodes of care from admission to discharge. Every write runs in one transaction with its audit events; the
 * patient row is locked while an admission or discharge decides, so that two people admitting the same patient
 * at once produce one episode (the partial unique index stands behind it).
 */
export function episodeService(db: Kysely<DB>) {
  const repository = episodeRepository(db);
  const intake = intakeRepository(db);

  async function withIntake(episodes: Omit<Episode, 'intake'>[], organizationId: string): Promise<Episode[]> {
    const summaries = await intake.summaries(
      organizationId,
      episodes.map((episode) => episode.id),
    );
    return episodes.map((episode) => ({
      ...episode,
      intake: summaries.get(episode.id) ?? { total: 0, completed: 0, overdue: 0 },
    }));
  }

  async function one(organizationId: string, patientId: string, episodeId: string): Promise<Episode> {
    const [episode] = await withIntake(
      await repository.listEpisodes(organizationId, patientId, episodeId),
      organizationId,
    );
    if (episode === undefined) throw new DomainError('not_found', 'No such episode of care.');
    return episode;
  }

  async function lockedEpisode(
    trx: Transaction<DB>,
    organizationId: string,
    patientId: string,
    episodeId: string,
  ): Promise<EpisodeState> {
    const state = await repository.lockEpisode(trx, organizationId, patientId, episodeId);
    if (state === undefined) throw new DomainError('not_found', 'No such episode of care.');
    return state;
  }

  /** After a write refused for a stale version: 409 with the episode as it is now. */
  async function staleEpisode(organizationId: string, patientId: string, episodeId: string): Promise<never> {
    throw new DomainError('version_conflict', 'Someone else changed this episode; review their change.', {
      details: { current: await one(organizationId, patientId, episodeId) },
    });
  }

  function validateAdmission(admission: Admission): FieldError[] {
    const errors: FieldError[] = [];
    const primarySubstance = primaryIndex(admission.substances, 'substances', 'substance');
    if ('error' in primarySubstance) errors.push(primarySubstance.error);
    const seen = new Set<string>();
    admission.substances.forEach((substance, index) => {
      if (seen.has(substance.substanceClass)) {
        errors.push({
          path: `substances.${index}.substanceClass`,
          message: 'This substance is listed twice',
        });
      }
      seen.add(substance.substanceClass);
    });
    if (admission.diagnoses.length > 0) {
      const primaryDiagnosis = primaryIndex(admission.diagnoses, 'diagnoses', 'diagnosis');
      if ('error' in primaryDiagnosis) errors.push(primaryDiagnosis.error);
    }
    const codes = new Set<string>();
    admission.diagnoses.forEach((diagnosis, index) => {
      const found = billableDiagnosis(diagnosis.code, `diagnoses.${index}.code`);
      if ('error' in found) errors.push(found.error);
      else if (codes.has(found.code)) {
        errors.push({ path: `diagnoses.${index}.code`, message: 'This diagnosis is listed twice' });
      } else codes.add(found.code);
    });
    return errors;
  }

  return {
    async timeline(organizationId: string, patientId: string): Promise<Episode[]> {
      return withIntake(await repository.listEpisodes(organizationId, patientId), organizationId);
    },

    one,

    async admit(
      principal: Principal,
      patientId: string,
      admission: Admission,
      audit: WriteAudit,
    ): Promise<{ episode: Episode; joinedCareTeamAs: CareTeamRole | null }> {
      const { organizationId } = principal;
      const errors = validateAdmission(admission);
      if (errors.length > 0) throw invalidBody(errors);
      let outcome: { episodeId: string; joinedCareTeamAs: CareTeamRole | null };
      try {
        outcome = await db.transaction().execute(async (trx) => {
          const patient = await repository.lockPatient(trx, organizationId, patientId);
          if (patient === undefined) throw new DomainError('not_found', 'No such patient.');
          if (patient.status === 'deceased') {
            throw new DomainError(
              'conflict',
              'The record says this patient has died; they cannot be admitted.',
            );
          }
          const today = await programToday(trx, organizationId);
          if (admission.admittedOn > today) {
            throw invalidBody([
              { path: 'admittedOn', message: `Admission cannot be after today (${today})` },
            ]);
          }
          await alreadyAdmitted(trx, organizationId, patientId);
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
          const primarySubstance = primaryIndex(admission.substances, '', '') as { index: number };
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
          const primaryDiagnosis = primaryIndex(admission.diagnoses, '', '');
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

          // The admitting clinician keeps the thread until the team is assigned: they become case manager
          // unless the patient already has one.
          let joinedCareTeamAs: CareTeamRole | null = null;
          const events = [
            audit({
              resourceType: 'episode_of_care',
              resourceId: episodeId,
              fieldsChanged: Object.keys(admission),
            }),
          ];
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
            events.push(
              audit({ resourceType: 'care_team', resourceId: memberId, fieldsChanged: ['case_manager'] }),
            );
          }
          await appendAuditEvents(trx, organizationId, events);
          return { episodeId, joinedCareTeamAs };
        });
      } catch (error) {
        // Two admissions raced past the lock (or the lock was not enough): the unique index decided.
        if (isUniqueViolation(error)) await alreadyAdmitted(db, organizationId, patientId);
        throw error;
      }
      return {
        episode: await one(organizationId, patientId, outcome.episodeId),
        joinedCareTeamAs: outcome.joinedCareTeamAs,
      };
    },

    async update(
      principal: Principal,
      patientId: string,
      episodeId: string,
      change: EpisodeUpdate,
      audit: WriteAudit,
    ): Promise<Episode> {
      const { organizationId } = principal;
      const { version, ...fields } = change;
      const changed = await db.transaction().execute(async (trx) => {
        await lockedEpisode(trx, organizationId, patientId, episodeId);
        const ok = await repository.updateEpisode(trx, organizationId, episodeId, version, {
          ...fields,
          ...(fields.referralNote === undefined ? {} : { referralNote: blank(fields.referralNote) }),
        });
        if (!ok) return false;
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'episode_of_care',
            resourceId: episodeId,
            fieldsChanged: Object.keys(fields),
          }),
        ]);
        return true;
      });
      if (!changed) return staleEpisode(organizationId, patientId, episodeId);
      return one(organizationId, patientId, episodeId);
    },

    async changeLevelOfCare(
      principal: Principal,
      patientId: string,
      episodeId: string,
      change: LevelOfCareChangeInput,
      audit: WriteAudit,
    ): Promise<Episode> {
      const { organizationId } = principal;
      const changed = await db.transaction().execute(async (trx) => {
        const episode = await lockedEpisode(trx, organizationId, patientId, episodeId);
        if (episode.status !== 'active') {
          throw new DomainError('conflict', 'This episode is discharged; admit the patient again instead.');
        }
        if (episode.version !== change.version) return false;
        const today = await programToday(trx, organizationId);
        const errors: FieldError[] = [];
        if (change.effectiveOn < episode.admittedOn) {
          errors.push({
            path: 'effectiveOn',
            message: `The change cannot be before admission (${episode.admittedOn})`,
          });
        } else if (episode.lastChangeOn !== null && change.effectiveOn < episode.lastChangeOn) {
          errors.push({
            path: 'effectiveOn',
            message: `The change cannot be before the last one (${episode.lastChangeOn})`,
          });
        }
        if (change.effectiveOn > today) {
          errors.push({
            path: 'effectiveOn',
            message: `Record the change once it happens (today is ${today})`,
          });
        }
        const asamEdition = change.asam?.edition ?? null;
        const asamLevel = change.asam?.level ?? null;
        if (
          change.setting === episode.setting &&
          asamEdition === episode.asamEdition &&
          asamLevel === episode.asamLevel
        ) {
          errors.push({ path: 'setting', message: 'This is the current setting and level of care' });
        }
        if (errors.length > 0) throw invalidBody(errors);
        const changeId = await repository.insertLevelOfCareChange(trx, {
          organizationId,
          episodeId,
          effectiveOn: change.effectiveOn,
          direction: change.direction,
          fromSetting: episode.setting,
          fromAsamEdition: episode.asamEdition,
          fromAsamLevel: episode.asamLevel,
          setting: change.setting,
          asamEdition,
          asamLevel,
          reason: change.reason,
          recordedByUserId: principal.userId,
        });
        await repository.updateEpisode(trx, organizationId, episodeId, episode.version, {
          setting: change.setting,
          asamEdition,
          asamLevel,
        });
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'level_of_care_change',
            resourceId: changeId,
            fieldsChanged: ['setting', 'asam', 'effectiveOn', 'direction', 'reason'],
          }),
        ]);
        return true;
      });
      if (!changed) return staleEpisode(organizationId, patientId, episodeId);
      return one(organizationId, patientId, episodeId);
    },

    /**
     * Discharge closes the episode and sets the patient's status (discharged, or deceased after a death). It
     * ends nobody's place on the care team: aftercare calls, records requests and a possible readmission still
     * need them. The answer lists who remains, so the clinician can end places deliberately.
     */
    async discharge(
      principal: Principal,
      patientId: string,
      episodeId: string,
      discharge: Discharge,
      audit: WriteAudit,
    ) {
      const { organizationId } = principal;
      const changed = await db.transaction().execute(async (trx) => {
        const patient = await repository.lockPatient(trx, organizationId, patientId);
        if (patient === undefined) throw new DomainError('not_found', 'No such patient.');
        const episode = await lockedEpisode(trx, organizationId, patientId, episodeId);
        // Answered after the transaction: reading the episode inside it would wait on itself (PGlite).
        if (episode.status !== 'active') return 'already_discharged';
        if (episode.version !== discharge.version) return 'stale';
        const today = await programToday(trx, organizationId);
        const errors: FieldError[] = [];
        if (discharge.dischargedOn < episode.admittedOn) {
          errors.push({
            path: 'dischargedOn',
            message: `Discharge cannot be before admission (${episode.admittedOn})`,
          });
        } else if (episode.lastChangeOn !== null && discharge.dischargedOn < episode.lastChangeOn) {
          errors.push({
            path: 'dischargedOn',
            message: `Discharge cannot be before the last level-of-care change (${episode.lastChangeOn})`,
          });
        }
        if (discharge.dischargedOn > today) {
          errors.push({ path: 'dischargedOn', message: `Discharge cannot be after today (${today})` });
        }
        if (discharge.dischargeType !== 'death' && discharge.aftercarePlan === '') {
          errors.push({
            path: 'aftercarePlan',
            message: 'Write the aftercare plan: follow-up, recovery supports, who to call',
          });
        }
        if (errors.length > 0) throw invalidBody(errors);
        await repository.updateEpisode(trx, organizationId, episodeId, episode.version, {
          status: 'discharged',
          dischargedOn: discharge.dischargedOn,
          dischargeType: discharge.dischargeType,
          aftercarePlan: blank(discharge.aftercarePlan),
          dischargedByUserId: principal.userId,
        });
        await repository.setPatientStatus(
          trx,
          organizationId,
          patientId,
          discharge.dischargeType === 'death' ? 'deceased' : 'discharged',
        );
        await appendAuditEvents(trx, organizationId, [
          audit({
            resourceType: 'episode_of_care',
            resourceId: episodeId,
            fieldsChanged: ['status', 'dischargedOn', 'dischargeType', 'aftercarePlan'],
          }),
        ]);
        return 'discharged';
      });
      if (changed === 'already_discharged') {
        throw new DomainError('conflict', 'This episode is already discharged.', {
          details: { reason: 'already_discharged', current: await one(organizationId, patientId, episodeId) },
        });
      }
      if (changed === 'stale') return staleEpisode(organizationId, patientId, episodeId);
      return {
        episode: await one(organizationId, patientId, episodeId),
        careTeamRemains: await repository.currentCareTeam(organizationId, patientId),
      };
    },
  };

  /** 409 already_admitted, with the active episode, when the patient has one. */
  async function alreadyAdmitted(
    trx: Kysely<DB> | Transaction<DB>,
    organizationId: string,
    patientId: string,
  ): Promise<void> {
    const activeEpisodeId = await repository.activeEpisodeId(organizationId, patientId, trx);
    if (activeEpisodeId === null) return;
    throw new DomainError(
      'conflict',
      'This patient is already admitted; record a level-of-care change in the current episode instead.',
      { details: { reason: 'already_admitted', activeEpisodeId } },
    );
  }
}

function blank(value: string | null | undefined): string | null {
  return value === undefined || value === null || value.trim() === '' ? null : value;
}
