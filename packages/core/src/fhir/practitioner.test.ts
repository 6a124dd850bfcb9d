import { describe, expect, it } from 'vitest';
import { type PractitionerRecord, toFhirPractitioner } from './practitioner.ts';
import { fhirCodeSystems, fhirExtensionUrls } from './systems.ts';
import { r4Errors } from './testing/r4.ts';

function staffMember(overrides: Partial<PractitionerRecord> = {}): PractitionerRecord {
  return {
    id: 'staff-1',
    displayName: 'Dana Reyes',
    credentials: ['LADC', 'MSW'],
    licenseNumber: 'AD-12345',
    licenseState: 'MN',
    licenseExpiresOn: '2027-06-30',
    languages: ['en', 'es'],
    pronouns: 'she/her',
    active: true,
    email: 'dana@clinic.example.org',
    ...overrides,
  };
}

describe('toFhirPractitioner', () => {
  it('maps a staff member to a valid R4 Practitioner', () => {
    const resource = toFhirPractitioner(staffMember());
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'Practitioner',
      id: 'staff-1',
      extension: [
        {
          url: fhirExtensionUrls.pronouns,
          extension: [{ url: 'value', valueCodeableConcept: { text: 'she/her' } }],
        },
      ],
      active: true,
      name: [{ text: 'Dana Reyes' }],
      telecom: [{ system: 'email', value: 'dana@clinic.example.org', use: 'work' }],
      qualification: [
        { code: { text: 'LADC' } },
        { code: { text: 'MSW' } },
        {
          identifier: [
            {
              type: {
                coding: [{ system: fhirCodeSystems.identifierType, code: 'LN', display: 'License number' }],
              },
              value: 'AD-12345',
            },
          ],
          code: { text: 'MN professional license' },
          period: { end: '2027-06-30' },
        },
      ],
      communication: [
        { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] },
        { coding: [{ system: 'urn:ietf:bcp:47', code: 'es' }] },
      ],
    });
  });

  it('carries no Part 2 labels: a staff member is no patient record', () => {
    expect(toFhirPractitioner(staffMember())).not.toHaveProperty('meta');
  });

  it('maps a staff member with no credentials, license, languages, pronouns or email', () => {
    const resource = toFhirPractitioner(
      staffMember({
        credentials: [' '],
        licenseNumber: null,
        licenseState: 'MN',
        licenseExpiresOn: '2027-06-30',
        languages: [],
        pronouns: null,
        email: null,
        active: false,
      }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'Practitioner',
      id: 'staff-1',
      active: false,
      name: [{ text: 'Dana Reyes' }],
    });
  });

  it('maps a license with no state or expiry', () => {
    const resource = toFhirPractitioner(
      staffMember({ credentials: [], licenseState: null, licenseExpiresOn: null, languages: ['en', 'en'] }),
    );
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.qualification).toEqual([
      {
        identifier: [
          {
            type: {
              coding: [{ system: fhirCodeSystems.identifierType, code: 'LN', display: 'License number' }],
            },
            value: 'AD-12345',
          },
        ],
        code: { text: 'Professional license' },
      },
    ]);
    expect(resource.communication).toEqual([{ coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }]);
  });
});
