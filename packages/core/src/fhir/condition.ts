import type { Coding, Condition } from '@medplum/fhirtypes';
import { episodeOfCareExtension, part2Meta, reference, text } from './elements.ts';
import { fhirCodeSystems } from './systems.ts';

/** A diagnosis recorded for a patient, usually within an episode of care. */
export interface ConditionRecord {
  id: string;
  patientId: string;
  /** The episode it was diagnosed in; null for a condition on the patient's problem list alone. */
  episodeId: string | null;
  /** ICD-10-CM, with or without the dot (F11.20, F1120). */
  code: string;
  description: string;
  /** The episode's primary diagnosis (EpisodeOfCare.diagnosis carries the rank). */
  primary: boolean;
  /** YYYY-MM-DD. */
  onsetDate: string | null;
  recordedAt: Date;
  clinicalStatus: 'active' | 'remission' | 'resolved';
  verificationStatus: 'provisional' | 'confirmed' | 'refuted' | 'entered-in-error';
}

const clinicalStatusDisplay = {
  active: 'Active',
  remission: 'Remission',
  resolved: 'Resolved',
} as const satisfies Record<ConditionRecord['clinicalStatus'], string>;

const verificationStatusDisplay = {
  provisional: 'Provisional',
  confirmed: 'Confirmed',
  refuted: 'Refuted',
  'entered-in-error': 'Entered in Error',
} as const satisfies Record<ConditionRecord['verificationStatus'], string>;

/** ICD-10-CM as FHIR writes it: upper case, with the dot after the category (F1120 is F11.20). */
export function icd10cmCode(code: string): string {
  const plain = code.trim().toUpperCase();
  return /^[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}$/.test(plain) ? `${plain.slice(0, 3)}.${plain.slice(3)}` : plain;
}

export function icd10cmCoding(code: string, description: string): Coding {
  const display = text(description);
  return { system: fhirCodeSystems.icd10cm, code: icd10cmCode(code), ...(display && { display }) };
}

/**
 * The diagnosis as a FHIR R4 Condition. Diagnosed within an episode it is an encounter diagnosis linked to the
 * EpisodeOfCare (R4's workflow-episodeOfCare extension: Condition.encounter only takes an Encounter); without one
 * it is a problem-list item. A condition entered in error has no clinical status (con-5).
 */
export function toFhirCondition(record: ConditionRecord): Condition {
  const episode = episodeOfCareExtension(record.episodeId);
  const description = text(record.description);
  return {
    resourceType: 'Condition',
    id: record.id,
    meta: part2Meta(),
    ...(episode && { extension: [episode] }),
    ...(record.verificationStatus !== 'entered-in-error' && {
      clinicalStatus: {
        coding: [
          {
            system: fhirCodeSystems.conditionClinical,
            code: record.clinicalStatus,
            display: clinicalStatusDisplay[record.clinicalStatus],
          },
        ],
      },
    }),
    verificationStatus: {
      coding: [
        {
          system: fhirCodeSystems.conditionVerificationStatus,
          code: record.verificationStatus,
          display: verificationStatusDisplay[record.verificationStatus],
        },
      ],
    },
    category: [
      {
        coding: [
          record.episodeId === null
            ? {
                system: fhirCodeSystems.conditionCategory,
                code: 'problem-list-item',
                display: 'Problem List Item',
              }
            : {
                system: fhirCodeSystems.conditionCategory,
                code: 'encounter-diagnosis',
                display: 'Encounter Diagnosis',
              },
        ],
      },
    ],
    code: {
      coding: [icd10cmCoding(record.code, record.description)],
      ...(description && { text: description }),
    },
    subject: reference('Patient', record.patientId),
    ...(record.onsetDate !== null && { onsetDateTime: record.onsetDate }),
    recordedDate: record.recordedAt.toISOString(),
  };
}
