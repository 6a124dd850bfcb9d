import type { Condition, Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { fhirCodeSystems } from '../systems.ts';
import { hl7Display, r4Errors, r4SchemaErrors } from './r4.ts';

// The checks the mapping tests rely on must fail on what is wrong, or a passing mapping test means nothing.
describe('the R4 checks', () => {
  const patient: Patient = { resourceType: 'Patient', id: 'p-1', gender: 'female', birthDate: '1990-04-02' };

  it('pass a valid resource', () => {
    expect(r4Errors(patient)).toEqual([]);
  });

  it('hold a resource to the R4 schema: unknown elements, required bindings, primitive formats', () => {
    const bad = {
      ...patient,
      gender: 'woman',
      birthDate: '1990-13-02',
      nickname: 'Jo',
    } as unknown as Patient;
    const errors = r4SchemaErrors(bad);
    expect(errors).toContainEqual(
      expect.stringMatching(/^\/gender: must be equal to one of the allowed values/),
    );
    expect(errors).toContainEqual(expect.stringMatching(/^\/birthDate: must match pattern/));
    expect(errors).toContainEqual(expect.stringMatching(/additionalProperty.*nickname/));
    expect(r4SchemaErrors({ resourceType: 'Condition' } as Condition)).toContainEqual(
      expect.stringMatching(/must have required property 'subject'/),
    );
  });

  it('refuse what FHIR JSON has no room for: null, empty strings, arrays and objects', () => {
    const bad = { ...patient, name: [], telecom: [{}], address: [{ city: ' ' }] } as unknown as Patient;
    expect(r4Errors(bad)).toEqual(
      expect.arrayContaining([
        '/name: an empty array',
        '/telecom/0: an empty object',
        '/address/0/city: an empty string',
      ]),
    );
  });

  it('check codings against their code systems, displays included', () => {
    const bad: Patient = {
      ...patient,
      maritalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'NOPE' }],
      },
      contact: [
        {
          name: { text: 'Ana' },
          relationship: [
            {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'C', display: 'Emergency' },
              ],
            },
            { coding: [{ system: 'http://example.org/unknown', code: 'x' }] },
          ],
        },
      ],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'English' }] } }],
    };
    expect(r4Errors(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/v3-RoleCode has no code NOPE/),
        expect.stringMatching(/v2-0131#C is "Emergency Contact", not "Emergency"/),
        expect.stringMatching(/unknown code system http:\/\/example.org\/unknown/),
        expect.stringMatching(/English is not a BCP 47 language tag/),
      ]),
    );
    const tandemCoded: Patient = {
      ...patient,
      maritalStatus: {
        coding: [
          { system: fhirCodeSystems.careSetting, code: 'rehab' },
          { system: fhirCodeSystems.careTeamRole, code: 'prescriber', display: 'Doctor' },
          { system: fhirCodeSystems.icd10cm, code: 'F11-20' },
        ],
      },
    };
    expect(r4Errors(tandemCoded)).toEqual([
      expect.stringMatching(/care-setting has no code rehab/),
      expect.stringMatching(/care-team-role#prescriber is "Prescriber", not "Doctor"/),
      expect.stringMatching(/F11-20 is not an ICD-10-CM code/),
    ]);
    expect(hl7Display('http://terminology.hl7.org/CodeSystem/condition-clinical', 'remission')).toBe(
      'Remission',
    );
  });

  it('check references, extensions, periods and the invariants the mappers must keep', () => {
    const bad: Patient = {
      ...patient,
      managingOrganization: { reference: 'organization 7' },
      extension: [{ url: 'http://example.org/x' }],
      contact: [{ relationship: [{ text: 'mother' }], period: { start: '2026-02-01', end: '2026-01-01' } }],
    };
    expect(r4Errors(bad)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/organization 7 is not a relative reference/),
        expect.stringMatching(/ext-1/),
        expect.stringMatching(/pat-1/),
        expect.stringMatching(/period ends before it starts/),
      ]),
    );
    const condition: Condition = {
      resourceType: 'Condition',
      subject: { reference: 'Patient/p-1' },
      clinicalStatus: {
        coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }],
      },
      verificationStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'entered-in-error' },
        ],
      },
    };
    expect(r4Errors(condition)).toEqual([expect.stringMatching(/con-5/)]);
  });
});
