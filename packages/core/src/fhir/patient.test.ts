import { describe, expect, it } from 'vitest';
import { type PatientRecord, toFhirPatient } from './patient.ts';
import { fhirCodeSystems, fhirExtensionUrls, part2SecurityLabels } from './systems.ts';
import { r4Errors } from './testing/r4.ts';

const organizationId = '0190a1b2-0000-7000-8000-000000000001';

function patient(overrides: Partial<PatientRecord> = {}): PatientRecord {
  return {
    id: '0190a1b2-0000-7000-8000-0000000000aa',
    organizationId,
    mrn: 'TND-000042',
    legalGivenName: 'José',
    legalFamilyName: 'Nguyễn',
    preferredName: 'Joey',
    pronouns: 'he/him',
    dateOfBirth: '1988-06-15',
    sexAssignedAtBirth: 'male',
    genderIdentity: 'Man',
    preferredLanguage: 'es',
    email: 'joey@example.org',
    phone: '+1 503 555 0100',
    addressLine1: '12 Alder St',
    addressLine2: 'Apt 3',
    city: 'Portland',
    region: 'OR',
    postalCode: '97201',
    country: 'US',
    emergencyContact: { name: 'Ana Nguyễn', phone: '+1 503 555 0101', relationship: 'Mother' },
    status: 'active',
    ...overrides,
  };
}

const extension = (resource: ReturnType<typeof toFhirPatient>, url: string) =>
  resource.extension?.find((e) => e.url === url);

describe('toFhirPatient', () => {
  it('maps a full record to a valid R4 Patient', () => {
    const resource = toFhirPatient(patient());
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'Patient',
      id: '0190a1b2-0000-7000-8000-0000000000aa',
      meta: { security: part2SecurityLabels() },
      extension: [
        { url: fhirExtensionUrls.usCoreBirthSex, valueCode: 'M' },
        {
          url: fhirExtensionUrls.genderIdentity,
          extension: [{ url: 'value', valueCodeableConcept: { text: 'Man' } }],
        },
        {
          url: fhirExtensionUrls.pronouns,
          extension: [{ url: 'value', valueCodeableConcept: { text: 'he/him' } }],
        },
      ],
      identifier: [
        {
          use: 'usual',
          type: {
            coding: [
              { system: fhirCodeSystems.identifierType, code: 'MR', display: 'Medical record number' },
            ],
          },
          system: `urn:tandem:organization:${organizationId}:mrn`,
          value: 'TND-000042',
          assigner: { reference: `Organization/${organizationId}` },
        },
      ],
      active: true,
      name: [
        { use: 'official', family: 'Nguyễn', given: ['José'] },
        { use: 'usual', given: ['Joey'] },
      ],
      telecom: [
        { system: 'phone', value: '+1 503 555 0100' },
        { system: 'email', value: 'joey@example.org' },
      ],
      gender: 'male',
      birthDate: '1988-06-15',
      address: [
        { line: ['12 Alder St', 'Apt 3'], city: 'Portland', state: 'OR', postalCode: '97201', country: 'US' },
      ],
      contact: [
        {
          relationship: [
            { coding: [{ system: fhirCodeSystems.contactRole, code: 'C', display: 'Emergency Contact' }] },
            {
              coding: [{ system: fhirCodeSystems.roleCode, code: 'MTH', display: 'mother' }],
              text: 'Mother',
            },
          ],
          name: { text: 'Ana Nguyễn' },
          telecom: [{ system: 'phone', value: '+1 503 555 0101' }],
        },
      ],
      communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] }, preferred: true }],
      managingOrganization: { reference: `Organization/${organizationId}` },
    });
  });

  it('maps a sparse record to a valid Patient without empty elements', () => {
    const resource = toFhirPatient(
      patient({
        preferredName: null,
        pronouns: null,
        genderIdentity: null,
        sexAssignedAtBirth: 'unknown',
        email: null,
        phone: '  ',
        addressLine1: null,
        addressLine2: null,
        city: null,
        region: null,
        postalCode: null,
        emergencyContact: null,
      }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.name).toEqual([{ use: 'official', family: 'Nguyễn', given: ['José'] }]);
    expect(resource.extension).toEqual([{ url: fhirExtensionUrls.usCoreBirthSex, valueCode: 'UNK' }]);
    for (const absent of ['telecom', 'address', 'contact', 'deceasedBoolean'] as const) {
      expect(resource).not.toHaveProperty(absent);
    }
  });

  it.each([
    ['female', 'female', 'F'],
    ['male', 'male', 'M'],
    ['intersex', 'other', 'UNK'],
    ['unknown', 'unknown', 'UNK'],
  ] as const)(
    'maps sex assigned at birth %s to gender %s and US Core birth sex %s',
    (sex, gender, birthSex) => {
      const resource = toFhirPatient(patient({ sexAssignedAtBirth: sex }));
      expect(r4Errors(resource)).toEqual([]);
      expect(['male', 'female', 'other', 'unknown']).toContain(resource.gender);
      expect(resource.gender).toBe(gender);
      expect(extension(resource, fhirExtensionUrls.usCoreBirthSex)?.valueCode).toBe(birthSex);
      expect(['F', 'M', 'UNK']).toContain(birthSex);
    },
  );

  it('marks discharged and deceased patients inactive, and deceased ones deceased', () => {
    const discharged = toFhirPatient(patient({ status: 'discharged' }));
    expect(discharged.active).toBe(false);
    expect(discharged).not.toHaveProperty('deceasedBoolean');
    const deceased = toFhirPatient(patient({ status: 'deceased' }));
    expect(r4Errors(deceased)).toEqual([]);
    expect(deceased).toMatchObject({ active: false, deceasedBoolean: true });
  });

  it("uses the organization's own MRN system when it has one", () => {
    const resource = toFhirPatient(patient(), { mrnSystem: 'urn:oid:2.16.840.1.113883.19.5' });
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.identifier?.[0]).toMatchObject({
      system: 'urn:oid:2.16.840.1.113883.19.5',
      value: 'TND-000042',
    });
  });

  it('keeps an emergency contact with only a phone, and drops one with nothing to reach them by', () => {
    const phoneOnly = toFhirPatient(
      patient({ emergencyContact: { name: null, phone: '555 0101', relationship: null } }),
    );
    expect(r4Errors(phoneOnly)).toEqual([]);
    expect(phoneOnly.contact).toEqual([
      {
        relationship: [
          { coding: [{ system: fhirCodeSystems.contactRole, code: 'C', display: 'Emergency Contact' }] },
        ],
        telecom: [{ system: 'phone', value: '555 0101' }],
      },
    ]);
    const nothing = toFhirPatient(
      patient({ emergencyContact: { name: ' ', phone: null, relationship: 'sponsor' } }),
    );
    expect(nothing).not.toHaveProperty('contact');
  });

  it('keeps the relationship of an emergency contact as text when it names no clear role', () => {
    const resource = toFhirPatient(
      patient({ emergencyContact: { name: 'Sam', phone: null, relationship: 'AA sponsor' } }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.contact?.[0]?.relationship?.[1]).toEqual({ text: 'AA sponsor' });
  });

  it('writes an address from a city alone, and no address from the country default alone', () => {
    const cityOnly = toFhirPatient(
      patient({ addressLine1: null, addressLine2: null, region: null, postalCode: null, city: 'Salem' }),
    );
    expect(cityOnly.address).toEqual([{ city: 'Salem', country: 'US' }]);
    const countryOnly = toFhirPatient(
      patient({ addressLine1: null, addressLine2: null, region: null, postalCode: null, city: null }),
    );
    expect(countryOnly).not.toHaveProperty('address');
  });

  it('labels the record as 42 CFR Part 2, restricted, in a fresh array each time', () => {
    const first = toFhirPatient(patient());
    const second = toFhirPatient(patient());
    expect(first.meta?.security).toEqual([
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
        code: '42CFRPart2',
        display: '42 CFR Part2',
      },
      {
        system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
        code: 'R',
        display: 'restricted',
      },
    ]);
    expect(first.meta?.security).not.toBe(second.meta?.security);
  });

  it('is pure: the same record maps to the same resource, and the record is left as it was', () => {
    const record = patient();
    const copy = JSON.parse(JSON.stringify(record)) as PatientRecord;
    expect(toFhirPatient(record)).toEqual(toFhirPatient(record));
    expect(record).toEqual(copy);
  });
});
