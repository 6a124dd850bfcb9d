import type {
  CodeableConcept,
  Coding,
  EpisodeOfCare,
  EpisodeOfCareDiagnosis,
  Extension,
} from '@medplum/fhirtypes';
import {
  type AsamLevel,
  asamFourthEditionLevels,
  asamThirdEditionLevels,
  type CareSetting,
  careSettingLabels,
  type DischargeType,
  dischargeTypeLabels,
  type EpisodeStatus,
  type LevelOfCareChangeDirection,
  levelOfCareChangeDirectionLabels,
  type ReferralSource,
  referralSourceLabels,
} from '../admission/vocabulary.ts';
import { icd10cmCode } from './condition.ts';
import { nonEmpty, part2Meta, reference } from './elements.ts';
import { fhirCodeSystems, fhirExtensionUrls } from './systems.ts';

/** A change of level of care during an episode: from `effectiveOn` the patient is at this setting and level. */
export interface LevelOfCareChangeRecord {
  /** YYYY-MM-DD. */
  effectiveOn: string;
  setting: CareSetting;
  asamLevel: AsamLevel | null;
  direction: LevelOfCareChangeDirection;
}

/** A diagnosis of the episode, recorded as the Condition `conditionId`. */
export interface EpisodeDiagnosisRecord {
  conditionId: string;
  /** ICD-10-CM. */
  code: string;
  description: string;
  primary: boolean;
}

/** An admission to the program, through to its discharge. */
export interface EpisodeOfCareRecord {
  id: string;
  patientId: string;
  organizationId: string;
  status: EpisodeStatus;
  /** YYYY-MM-DD. */
  admittedOn: string;
  dischargedOn: string | null;
  dischargeType: DischargeType | null;
  /** The current setting and level of care. */
  setting: CareSetting;
  asamLevel: AsamLevel | null;
  referralSource: ReferralSource | null;
  levelOfCareChanges: readonly LevelOfCareChangeRecord[];
  diagnoses: readonly EpisodeDiagnosisRecord[];
  careManagerStaffId: string | null;
  primaryTherapistStaffId: string | null;
  /** The patient's CareTeam resource (`toFhirCareTeam`), when the server serves one. */
  careTeamId: string | null;
}

const episodeStatus = { active: 'active', discharged: 'finished' } as const satisfies Record<
  EpisodeStatus,
  EpisodeOfCare['status']
>;

export function careSettingCoding(setting: CareSetting): Coding {
  return { system: fhirCodeSystems.careSetting, code: setting, display: careSettingLabels[setting] };
}

export function asamLevelCoding(level: AsamLevel): Coding {
  return level.edition === '3'
    ? {
        system: fhirCodeSystems.asamLevelThirdEdition,
        code: level.level,
        display: asamThirdEditionLevels[level.level],
      }
    : {
        system: fhirCodeSystems.asamLevelFourthEdition,
        code: level.level,
        display: asamFourthEditionLevels[level.level],
      };
}

/**
 * The episode as a FHIR R4 EpisodeOfCare. `type` holds the current setting and ASAM level; the level-of-care
 * history, referral source, discharge type and primary therapist, which R4 has no element for, are Tandem
 * extensions (systems.ts). Diagnoses point at their Conditions: the primary one is the admission diagnosis,
 * ranked first; the others are comorbidities, unranked.
 */
export function toFhirEpisodeOfCare(record: EpisodeOfCareRecord): EpisodeOfCare {
  const extension = nonEmpty<Extension>([
    ...[...record.levelOfCareChanges]
      .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0))
      .map(levelOfCareChangeExtension),
    record.referralSource === null
      ? undefined
      : {
          url: fhirExtensionUrls.referralSource,
          valueCoding: {
            system: fhirCodeSystems.referralSource,
            code: record.referralSource,
            display: referralSourceLabels[record.referralSource],
          },
        },
    record.dischargeType === null
      ? undefined
      : {
          url: fhirExtensionUrls.dischargeType,
          valueCoding: {
            system: fhirCodeSystems.dischargeType,
            code: record.dischargeType,
            display: dischargeTypeLabels[record.dischargeType],
          },
        },
    record.primaryTherapistStaffId === null
      ? undefined
      : {
          url: fhirExtensionUrls.primaryTherapist,
          valueReference: reference('Practitioner', record.primaryTherapistStaffId),
        },
  ]);
  const type: CodeableConcept[] = [{ coding: [careSettingCoding(record.setting)] }];
  if (record.asamLevel !== null) type.push({ coding: [asamLevelCoding(record.asamLevel)] });
  const diagnosis = nonEmpty(
    [...record.diagnoses.filter((d) => d.primary), ...record.diagnoses.filter((d) => !d.primary)].map(
      episodeDiagnosis,
    ),
  );
  return {
    resourceType: 'EpisodeOfCare',
    id: record.id,
    meta: part2Meta(),
    ...(extension && { extension }),
    status: episodeStatus[record.status],
    type,
    ...(diagnosis && { diagnosis }),
    patient: reference('Patient', record.patientId),
    managingOrganization: reference('Organization', record.organizationId),
    period: {
      start: record.admittedOn,
      ...(record.dischargedOn !== null && { end: record.dischargedOn }),
    },
    ...(record.careManagerStaffId !== null && {
      careManager: reference('Practitioner', record.careManagerStaffId),
    }),
    ...(record.careTeamId !== null && { team: [reference('CareTeam', record.careTeamId)] }),
  };
}

function levelOfCareChangeExtension(change: LevelOfCareChangeRecord): Extension {
  return {
    url: fhirExtensionUrls.levelOfCareHistory,
    extension: [
      { url: 'effective', valueDate: change.effectiveOn },
      { url: 'setting', valueCoding: careSettingCoding(change.setting) },
      ...(change.asamLevel === null
        ? []
        : [{ url: 'asamLevel', valueCoding: asamLevelCoding(change.asamLevel) }]),
      {
        url: 'direction',
        valueCoding: {
          system: fhirCodeSystems.levelOfCareChangeDirection,
          code: change.direction,
          display: levelOfCareChangeDirectionLabels[change.direction],
        },
      },
    ],
  };
}

function episodeDiagnosis(diagnosis: EpisodeDiagnosisRecord): EpisodeOfCareDiagnosis {
  return {
    condition: reference(
      'Condition',
      diagnosis.conditionId,
      `${icd10cmCode(diagnosis.code)} ${diagnosis.description}`.trim(),
    ),
    role: {
      coding: [
        diagnosis.primary
          ? { system: fhirCodeSystems.diagnosisRole, code: 'AD', display: 'Admission diagnosis' }
          : { system: fhirCodeSystems.diagnosisRole, code: 'CM', display: 'Comorbidity diagnosis' },
      ],
    },
    ...(diagnosis.primary && { rank: 1 }),
  };
}
