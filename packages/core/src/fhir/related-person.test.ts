import { describe, expect, it } from 'vitest';
import { type RelatedPersonRecord, toFhirRelatedPerson } from './related-person.ts';
import { fhirCodeSystems, part2SecurityLabels } from './systems.ts';
import { r4Errors } from './testing/r4.ts';

function supportContact(overrides: Partial<RelatedPersonRecord> = {}): RelatedPersonRecord {
  return {
    id: 'sc-1',
    patientId: 'pt-1',
    name: 'Ana Nguyễn',
    relationship: 'my mom',
    phone: '+1 503 555 0101',
    email: 'ana@example.org',
    active: true,
    ...overrides,
  };
}

describe('toFhirRelatedPerson', () => {
  it('maps a support contact to a valid R4 RelatedPerson', () => {
    const resource = toFhirRelatedPerson(supportContact());
    expect(r4Errors(resource)).toEqual([]);
    expect(resource).toEqual({
      resourceType: 'RelatedPerson',
      id: 'sc-1',
      meta: { security: part2SecurityLabels() },
      active: true,
      patient: { reference: 'Patient/pt-1' },
      relationship: [
        { coding: [{ system: fhirCodeSystems.roleCode, code: 'MTH', display: 'mother' }], text: 'my mom' },
      ],
      name: [{ text: 'Ana Nguyễn' }],
      telecom: [
        { system: 'phone', value: '+1 503 555 0101' },
        { system: 'email', value: 'ana@example.org' },
      ],
    });
  });

  it('always names the patient, the one element R4 requires', () => {
    const resource = toFhirRelatedPerson(supportContact({ phone: null, email: null, active: false }));
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.patient).toEqual({ reference: 'Patient/pt-1' });
    expect(resource.active).toBe(false);
    expect(resource).not.toHaveProperty('telecom');
  });

  it('keeps a relationship with no clear HL7 role as text alone', () => {
    const resource = toFhirRelatedPerson(supportContact({ relationship: 'Sponsor' }));
    expect(r4Errors(resource)).toEqual([]);
    expect(resource.relationship).toEqual([{ text: 'Sponsor' }]);
  });
});
