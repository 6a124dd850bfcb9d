import {
  type AsamEdition,
  billableDiagnosis,
  type CareSetting,
  type DischargeType,
  type LevelOfCareChangeDirection,
  programToday,
} from '@tandem/core';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { admissionProblemMessage } from '../admission/admission-problems.ts';
import { type defaultIntakeChecklist, intakeRepository } from '../admission/intake-repository.ts';
import { admissionSchema } from '../admission/schemas.ts';
import type { DB } from '../db/schema.generated.ts';
import { readProgramClock } from '../records/program-clock.ts';

/**
 * The episodes of care of the demo patients, dated in days before the day the demo is seeded, so that a new
 * demo always reads as a program in progress: people at different levels of care, a step-down, a readmission,
 * intake checklists mostly kept and one assessment overdue on the dashboards.
 */
export interface DemoEpisode {
  admittedDaysAgo: number;
  /** What the admission dialog would have sent, but the date (checked by the same schema as the API). */
  admission: Omit<z.input<typeof admissionSchema>, 'admittedOn'>;
  levelChanges?: readonly DemoLevelChange[];
  discharge?: { daysAgo: number; dischargeType: DischargeType; aftercarePlan: string };
  /** The intake checklist items done, each by the number of days after admission it was ticked. */
  intakeDone: Partial<Record<IntakeItemKey, number>>;
}

interface DemoLevelChange {
  daysAgo: number;
  direction: LevelOfCareChangeDirection;
  setting: CareSetting;
  asam: { edition: AsamEdition; level: string } | null;
  reason: string;
}

type IntakeItemKey = (typeof defaultIntakeChecklist)[number]['key'];

/** Who did what in the demo's history: the demo clinician admits and assesses, the front desk does the forms. */
export interface DemoEpisodeStaff {
  clinicianUserId: string;
  frontDeskUserId: string;
}

export function daysBefore(date: string, days: number): string {
  const moment = new Date(`${date}T00:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() - days);
  return moment.toISOString().slice(0, 10);
}

/** The program's today, as its calendar has it (the organization's time zone), by the program's own clock. */
export async function programTodayOf(trx: Transaction<DB>, organizationId: string): Promise<string> {
  return programToday(await readProgramClock(trx, organizationId));
}

/** Writes one demo patient's episodes, oldest first, with their substances, diagnoses, changes and intake. */
export async function insertDemoEpisodes(
  trx: Transaction<DB>,
  context: { organizationId: string; patientId: string; today: string; staff: DemoEpisodeStaff },
  episodes: readonly DemoEpisode[],
): Promise<void> {
  const { organizationId, patientId, today, staff } = context;
  await intakeRepository(trx).ensureDefaults(organizationId, trx);
  const items = await trx
    .selectFrom('intakeChecklistItems')
    .select(['id', 'key'])
    .where('organizationId', '=', organizationId)
    .execute();
  const itemIdByKey = new Map(items.map((item) => [item.key, item.id]));

  for (const demo of episodes) {
    const admittedOn = daysBefore(today, demo.admittedDaysAgo);
    const admission = admissionSchema.parse({ ...demo.admission, admittedOn });
    const changes = demo.levelChanges ?? [];
    const current = changes.at(-1) ?? { setting: admission.setting, asam: admission.asam ?? null };
    const episode = await trx
      .insertInto('episodesOfCare')
      .values({
        organizationId,
        patientId,
        status: demo.discharge === undefined ? 'active' : 'discharged',
        admittedOn,
        referralSource: admission.referralSource,
        referralNote: admission.referralNote ?? null,
        setting: current.setting,
        asamEdition: current.asam?.edition ?? null,
        asamLevel: current.asam?.level ?? null,
        presentingProblems: admission.presentingProblems,
        coOccurringConditions: admission.coOccurringConditions,
        admittedByUserId: staff.clinicianUserId,
        ...(demo.discharge !== undefined && {
          dischargedOn: daysBefore(today, demo.discharge.daysAgo),
          dischargeType: demo.discharge.dischargeType,
          aftercarePlan: demo.discharge.aftercarePlan,
          dischargedByUserId: staff.clinicianUserId,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    await trx
      .insertInto('episodeSubstances')
      .values(
        admission.substances.map((substance, position) => ({
          organizationId,
          episodeId: episode.id,
          substanceClass: substance.substanceClass,
          specificSubstance: substance.specificSubstance ?? null,
          route: substance.route,
          frequency: substance.frequency,
          isPrimary: admission.substances.length === 1 || substance.isPrimary,
          ageOfFirstUse: substance.ageOfFirstUse ?? null,
          position,
        })),
      )
      .execute();
    if (admission.diagnoses.length > 0) {
      await trx
        .insertInto('episodeDiagnoses')
        .values(
          admission.diagnoses.map((diagnosis) => {
            const found = billableDiagnosis(diagnosis.code, 'code');
            if ('error' in found)
              throw new Error(`Demo diagnosis ${diagnosis.code}: ${admissionProblemMessage(found.error)}`);
            return {
              organizationId,
              episodeId: episode.id,
              patientId,
              icd10cmCode: found.code,
              description: found.description,
              isPrimary: admission.diagnoses.length === 1 || diagnosis.isPrimary,
              verificationStatus: diagnosis.verificationStatus,
              onsetDate: diagnosis.onsetDate ?? null,
              recordedByUserId: staff.clinicianUserId,
            };
          }),
        )
        .execute();
    }

    let from = { setting: admission.setting, asam: admission.asam ?? null };
    for (const change of changes) {
      await trx
        .insertInto('levelOfCareChanges')
        .values({
          organizationId,
          episodeId: episode.id,
          effectiveOn: daysBefore(today, change.daysAgo),
          direction: change.direction,
          fromSetting: from.setting,
          fromAsamEdition: from.asam?.edition ?? null,
          fromAsamLevel: from.asam?.level ?? null,
          setting: change.setting,
          asamEdition: change.asam?.edition ?? null,
          asamLevel: change.asam?.level ?? null,
          reason: change.reason,
          recordedByUserId: staff.clinicianUserId,
        })
        .execute();
      from = change;
    }

    const done = Object.entries(demo.intakeDone) as [IntakeItemKey, number][];
    if (done.length > 0) {
      await trx
        .insertInto('episodeIntakeCompletions')
        .values(
          done.map(([key, daysAfterAdmission]) => {
            const itemId = itemIdByKey.get(key);
            if (itemId === undefined) throw new Error(`No intake checklist item ${key}`);
            const paperwork = key === 'consents_signed' || key === 'orientation';
            return {
              organizationId,
              episodeId: episode.id,
              itemId,
              completedOn: daysBefore(admittedOn, -daysAfterAdmission),
              completedByUserId: paperwork ? staff.frontDeskUserId : staff.clinicianUserId,
            };
          }),
        )
        .execute();
    }
  }
}
