import { describe, expect, it } from 'vitest';
import { careSettings, dischargeTypes, referralSources } from '../admission/vocabulary.ts';
import { type EpisodeOfCareRecord, toFhirEpisodeOfCare } from './episode-of-care.ts';
import { fhirCodeSystems, fhirExtensionUrls, part2SecurityLabels } from './systems.ts';
import { r4Errors } from './testing/r4.ts';

const episodeStatuses = [
  'planned',
  'waitlist',
  'active',
  'onhold',
  'finished',
  'cancelled',
  'entered-in-error',
];

function episode(overrides: Partial<EpisodeOfCareRecord> = {}): EpisodeOfCareRecord {
  return {
    id: 'ep-1',
    patientId: 'pt-1',
    organizationId: 'org-1',
    status: 'active',
    admittedOn: '2026-01-05',
    dischargedOn: null,
    dischargeType: null,
    setting: 'intensive_outpatient',
    asamLevel: { edition: '3', level: '2.1' },
    referralSource: 'criminal_justice',
    levelOfCareChanges: [],
    diagnoses: [
      { conditionId: 'cond-2', code: 'F41.1', description: 'Generalized anxiety disorder', primary: false },
      {
        conditionId: 'cond-1',
        code: 'F11.20',
        description: 'Opioid dependence, uncomplicated',
        primary: true,
      },
    ],
    careManagerStaffId: 'staff-cm',
    primaryTherapistStaffId: 'staff-pt',
    careTeamId: 'pt-1',
    ...overrides,
  };
}

describe('toFhirEpisodeOfCare', () => {
  it('maps an active episode to a valid R4 EpisodeOfCare', () => {
    const resource = toFhirEpisodeOfCare(episode());
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'EpisodeOfCare',
      id: 'ep-1',
      meta: { security: part2SecurityLabels() },
      extension: [
        {
          url: fhirExtensionUrls.referralSource,
          valueCoding: {
            system: fhirCodeSystems.referralSource,
            code: 'criminal_justice',
            display: 'Court or criminal justice referral (incl. DUI/DWI)',
          },
        },
        { url: fhirExtensionUrls.primaryTherapist, valueReference: { reference: 'Practitioner/staff-pt' } },
      ],
      status: 'active',
      type: [
        {
          coding: [
            {
              system: fhirCodeSystems.careSetting,
              code: 'intensive_outpatient',
              display: 'Intensive outpatient',
            },
          ],
        },
        {
          coding: [
            {
              system: fhirCodeSystems.asamLevelThirdEdition,
              code: '2.1',
              display: 'Intensive outpatient services',
            },
          ],
        },
      ],
      diagnosis: [
        {
          condition: { reference: 'Condition/cond-1', display: 'F11.20 Opioid dependence, uncomplicated' },
          role: {
            coding: [{ system: fhirCodeSystems.diagnosisRole, code: 'AD', display: 'Admission diagnosis' }],
          },
          rank: 1,
        },
        {
          condition: { reference: 'Condition/cond-2', display: 'F41.1 Generalized anxiety disorder' },
          role: {
            coding: [{ system: fhirCodeSystems.diagnosisRole, code: 'CM', display: 'Comorbidity diagnosis' }],
          },
        },
      ],
      patient: { reference: 'Patient/pt-1' },
      managingOrganization: { reference: 'Organization/org-1' },
      period: { start: '2026-01-05' },
      careManager: { reference: 'Practitioner/staff-cm' },
      team: [{ reference: 'CareTeam/pt-1' }],
    });
  });

  it('maps a discharge to a finished episode with its end and discharge type', () => {
    const resource = toFhirEpisodeOfCare(
      episode({ status: 'discharged', dischargedOn: '2026-03-31', dischargeType: 'planned_completion' }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(episodeStatuses).toContain(resource.status);
    expect(resource.status).toBe('finished');
    expect(resource.period).toEqual({ start: '2026-01-05', end: '2026-03-31' });
    expect(resource.extension).toContainEqual({
      url: fhirExtensionUrls.dischargeType,
      valueCoding: {
        system: fhirCodeSystems.dischargeType,
        code: 'planned_completion',
        display: 'Planned completion',
      },
    });
  });

  it('records each change of level of care, in the order it took effect', () => {
    const resource = toFhirEpisodeOfCare(
      episode({
        setting: 'outpatient',
        asamLevel: { edition: '4', level: '1.5' },
        levelOfCareChanges: [
          {
            effectiveOn: '2026-03-01',
            setting: 'outpatient',
            asamLevel: { edition: '4', level: '1.5' },
            direction: 'step_down',
          },
          {
            effectiveOn: '2026-02-01',
            setting: 'intensive_outpatient',
            asamLevel: null,
            direction: 'step_down',
          },
        ],
      }),
    );
    expect(r4Errors(resource)).toEqual([]);
    const history = resource.extension?.filter((e) => e.url === fhirExtensionUrls.levelOfCareHistory);
    expect(history).toEqual([
      {
        url: fhirExtensionUrls.levelOfCareHistory,
        extension: [
          { url: 'effective', valueDate: '2026-02-01' },
          {
            url: 'setting',
            valueCoding: {
              system: fhirCodeSystems.careSetting,
              code: 'intensive_outpatient',
              display: 'Intensive outpatient',
            },
          },
          {
            url: 'direction',
            valueCoding: {
              system: fhirCodeSystems.levelOfCareChangeDirection,
              code: 'step_down',
              display: 'Step-down',
            },
          },
        ],
      },
      {
        url: fhirExtensionUrls.levelOfCareHistory,
        extension: [
          { url: 'effective', valueDate: '2026-03-01' },
          {
            url: 'setting',
            valueCoding: { system: fhirCodeSystems.careSetting, code: 'outpatient', display: 'Outpatient' },
          },
          {
            url: 'asamLevel',
            valueCoding: {
              system: fhirCodeSystems.asamLevelFourthEdition,
              code: '1.5',
              display: 'Outpatient therapy',
            },
          },
          {
            url: 'direction',
            valueCoding: {
              system: fhirCodeSystems.levelOfCareChangeDirection,
              code: 'step_down',
              display: 'Step-down',
            },
          },
        ],
      },
    ]);
    expect(resource.type?.[1]?.coding?.[0]).toMatchObject({
      system: fhirCodeSystems.asamLevelFourthEdition,
      code: '1.5',
    });
  });

  it('maps a bare episode without empty elements', () => {
    const resource = toFhirEpisodeOfCare(
      episode({
        asamLevel: null,
        referralSource: null,
        diagnoses: [],
        careManagerStaffId: null,
        primaryTherapistStaffId: null,
        careTeamId: null,
      }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.type).toHaveLength(1);
    for (const absent of ['extension', 'diagnosis', 'careManager', 'team'] as const) {
      expect(resource).not.toHaveProperty(absent);
    }
  });

  it('maps every setting, referral source and discharge type to a valid resource', () => {
    for (const setting of careSettings) {
      for (const referralSource of referralSources) {
        expect(r4Errors(toFhirEpisodeOfCare(episode({ setting, referralSource })))).toEqual([]);
      }
    }
    for (const dischargeType of dischargeTypes) {
      const resource = toFhirEpisodeOfCare(
        episode({ status: 'discharged', dischargedOn: '2026-02-01', dischargeType }),
      );
      expect(r4Errors(resource)).toEqual([]);
    }
  });

  it('writes ICD-10-CM codes stored without the dot with it in the diagnosis display', () => {
    const resource = toFhirEpisodeOfCare(
      episode({
        diagnoses: [{ conditionId: 'c', code: 'f1020', description: 'Alcohol dependence', primary: true }],
      }),
    );
    expect(resource.diagnosis?.[0]?.condition.display).toBe('F10.20 Alcohol dependence');
  });
});
