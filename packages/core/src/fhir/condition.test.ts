import { describe, expect, it } from 'vitest';
import { type ConditionRecord, icd10cmCode, toFhirCondition } from './condition.ts';
import { fhirCodeSystems, fhirExtensionUrls, part2SecurityLabels } from './systems.ts';
import { hl7Display, r4Errors } from './testing/r4.ts';

function condition(overrides: Partial<ConditionRecord> = {}): ConditionRecord {
  return {
    id: 'cond-1',
    patientId: 'pt-1',
    episodeId: 'ep-1',
    code: 'F11.20',
    description: 'Opioid dependence, uncomplicated',
    primary: true,
    onsetDate: '2019-09-01',
    recordedAt: new Date('2026-01-05T17:30:00Z'),
    clinicalStatus: 'active',
    verificationStatus: 'confirmed',
    ...overrides,
  };
}

const clinicalStatuses = ['active', 'remission', 'resolved'] as const;
const verificationStatuses = ['provisional', 'confirmed', 'refuted', 'entered-in-error'] as const;

describe('toFhirCondition', () => {
  it('maps an episode diagnosis to a valid R4 Condition', () => {
    const resource = toFhirCondition(condition());
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'Condition',
      id: 'cond-1',
      meta: { security: part2SecurityLabels() },
      extension: [
        { url: fhirExtensionUrls.episodeOfCare, valueReference: { reference: 'EpisodeOfCare/ep-1' } },
      ],
      clinicalStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
            code: 'active',
            display: 'Active',
          },
        ],
      },
      verificationStatus: {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
            code: 'confirmed',
            display: 'Confirmed',
          },
        ],
      },
      category: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-category',
              code: 'encounter-diagnosis',
              display: 'Encounter Diagnosis',
            },
          ],
        },
      ],
      code: {
        coding: [
          {
            system: 'http://hl7.org/fhir/sid/icd-10-cm',
            code: 'F11.20',
            display: 'Opioid dependence, uncomplicated',
          },
        ],
        text: 'Opioid dependence, uncomplicated',
      },
      subject: { reference: 'Patient/pt-1' },
      onsetDateTime: '2019-09-01',
      recordedDate: '2026-01-05T17:30:00.000Z',
    });
  });

  it('maps a condition outside any episode to a problem-list item', () => {
    const resource = toFhirCondition(condition({ episodeId: null, onsetDate: null }));
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.category?.[0]?.coding?.[0]?.code).toBe('problem-list-item');
    expect(resource).not.toHaveProperty('extension');
    expect(resource).not.toHaveProperty('onsetDateTime');
  });

  it.each(
    clinicalStatuses.flatMap((clinical) =>
      verificationStatuses.map((verification) => [clinical, verification] as const),
    ),
  )('maps clinical status %s, verification %s with the HL7 codes', (clinical, verification) => {
    const resource = toFhirCondition(
      condition({ clinicalStatus: clinical, verificationStatus: verification }),
    );
    expect(r4Errors(resource)).toEqual([]);
    const verificationCoding = resource.verificationStatus?.coding?.[0];
    expect(verificationCoding?.system).toBe(fhirCodeSystems.conditionVerificationStatus);
    expect(verificationCoding?.code).toBe(verification);
    expect(verificationCoding?.display).toBe(
      hl7Display(fhirCodeSystems.conditionVerificationStatus, verification),
    );
    if (verification === 'entered-in-error') {
      // con-5: a condition entered in error has no clinical status.
      expect(resource).not.toHaveProperty('clinicalStatus');
    } else {
      const clinicalCoding = resource.clinicalStatus?.coding?.[0];
      expect(clinicalCoding?.system).toBe(fhirCodeSystems.conditionClinical);
      expect(clinicalCoding?.code).toBe(clinical);
      expect(clinicalCoding?.display).toBe(hl7Display(fhirCodeSystems.conditionClinical, clinical));
    }
  });

  it('writes ICD-10-CM codes as FHIR does: upper case, dotted after the category', () => {
    expect(icd10cmCode('F11.20')).toBe('F11.20');
    expect(icd10cmCode('f1120')).toBe('F11.20');
    expect(icd10cmCode(' F17210 ')).toBe('F17.210');
    expect(icd10cmCode('F10')).toBe('F10');
    const resource = toFhirCondition(condition({ code: 'f1520' }));
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.code?.coding?.[0]).toMatchObject({
      system: 'http://hl7.org/fhir/sid/icd-10-cm',
      code: 'F15.20',
    });
  });

  it('is pure: the same record maps to the same resource', () => {
    const record = condition();
    expect(toFhirCondition(record)).toEqual(
      toFhirCondition({ ...record, recordedAt: new Date(record.recordedAt) }),
    );
  });
});
