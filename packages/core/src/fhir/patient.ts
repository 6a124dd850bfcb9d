import type { Address, Extension, HumanName, Patient, PatientContact } from '@medplum/fhirtypes';
import type { PatientStatus } from '../patients/status.ts';
import {
  languageConcept,
  nonEmpty,
  part2Meta,
  pronounsExtension,
  reference,
  telecom,
  text,
} from './elements.ts';
import { relationshipConcept } from './relationship.ts';
import { fhirCodeSystems, fhirExtensionUrls, tandemMrnSystem } from './systems.ts';

/** A patient as the server reads it from `patients` (0002_patients.sql). */
export interface PatientRecord {
  id: string;
  organizationId: string;
  mrn: string;
  legalGivenName: string;
  legalFamilyName: string;
  preferredName: string | null;
  pronouns: string | null;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  sexAssignedAtBirth: 'female' | 'male' | 'intersex' | 'unknown';
  genderIdentity: string | null;
  /** BCP 47 language tag. */
  preferredLanguage: string;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
  emergencyContact: { name: string | null; phone: string | null; relationship: string | null } | null;
  status: PatientStatus;
}

export interface PatientMappingOptions {
  /** The system of the organization's own MRNs (an OID or URL it was assigned); else `tandemMrnSystem`. */
  mrnSystem?: string;
}

/*
 * Tandem records sex assigned at birth and a gender identity, not an administrative gender, so the
 * administrative gender is the nearest one to the sex recorded at birth. US Core's birth sex has no code for
 * intersex: it is unknown there.
 */
const administrativeGender = {
  female: 'female',
  male: 'male',
  intersex: 'other',
  unknown: 'unknown',
} as const satisfies Record<PatientRecord['sexAssignedAtBirth'], Patient['gender']>;

const usCoreBirthSex = { female: 'F', male: 'M', intersex: 'UNK', unknown: 'UNK' } as const satisfies Record<
  PatientRecord['sexAssignedAtBirth'],
  string
>;

/**
 * The patient as a FHIR R4 Patient, labelled as a 42 CFR Part 2 record. `active` is false once the patient is
 * discharged or has died: FHIR uses it to mark non-current patients; the episodes hold the treatment history.
 */
export function toFhirPatient(record: PatientRecord, options: PatientMappingOptions = {}): Patient {
  const extension = nonEmpty<Extension>([
    { url: fhirExtensionUrls.usCoreBirthSex, valueCode: usCoreBirthSex[record.sexAssignedAtBirth] },
    genderIdentityExtension(record.genderIdentity),
    pronounsExtension(record.pronouns),
  ]);
  const contact = emergencyContact(record.emergencyContact);
  const address = postalAddress(record);
  const telecoms = telecom(record.phone, record.email);
  return {
    resourceType: 'Patient',
    id: record.id,
    meta: part2Meta(),
    ...(extension && { extension }),
    identifier: [
      {
        use: 'usual',
        type: {
          coding: [{ system: fhirCodeSystems.identifierType, code: 'MR', display: 'Medical record number' }],
        },
        system: options.mrnSystem ?? tandemMrnSystem(record.organizationId),
        value: record.mrn,
        assigner: reference('Organization', record.organizationId),
      },
    ],
    // The record is in use from registration on; a discharged or deceased patient's record is kept, inactive.
    active: record.status === 'active' || record.status === 'registered',
    name: names(record),
    ...(telecoms && { telecom: telecoms }),
    gender: administrativeGender[record.sexAssignedAtBirth],
    birthDate: record.dateOfBirth,
    ...(record.status === 'deceased' && { deceasedBoolean: true }),
    ...(address && { address: [address] }),
    ...(contact && { contact: [contact] }),
    communication: [{ language: languageConcept(record.preferredLanguage), preferred: true }],
    managingOrganization: reference('Organization', record.organizationId),
  };
}

function names(record: PatientRecord): HumanName[] {
  const official: HumanName = {
    use: 'official',
    family: record.legalFamilyName,
    given: [record.legalGivenName],
  };
  const preferred = text(record.preferredName);
  // The preferred name stands in for the given name: search matches "given preferred family" (0002_patients.sql).
  return preferred === undefined ? [official] : [official, { use: 'usual', given: [preferred] }];
}

function genderIdentityExtension(genderIdentity: string | null): Extension | undefined {
  const value = text(genderIdentity);
  if (value === undefined) return undefined;
  return {
    url: fhirExtensionUrls.genderIdentity,
    extension: [{ url: 'value', valueCodeableConcept: { text: value } }],
  };
}

function postalAddress(record: PatientRecord): Address | undefined {
  const line = nonEmpty([text(record.addressLine1), text(record.addressLine2)]);
  const city = text(record.city);
  const state = text(record.region);
  const postalCode = text(record.postalCode);
  // The country alone (a column default) is no address.
  if (line === undefined && city === undefined && state === undefined && postalCode === undefined)
    return undefined;
  return {
    ...(line && { line }),
    ...(city && { city }),
    ...(state && { state }),
    ...(postalCode && { postalCode }),
    country: record.country,
  };
}

function emergencyContact(contact: PatientRecord['emergencyContact']): PatientContact | undefined {
  if (contact === null) return undefined;
  const name = text(contact.name);
  const telecoms = telecom(contact.phone, null);
  // A contact needs a name or a way to reach them (pat-1); a relationship alone is not a contact.
  if (name === undefined && telecoms === undefined) return undefined;
  const relationship = contact.relationship === null ? undefined : relationshipConcept(contact.relationship);
  return {
    relationship: [
      { coding: [{ system: fhirCodeSystems.contactRole, code: 'C', display: 'Emergency Contact' }] },
      ...(relationship ? [relationship] : []),
    ],
    ...(name && { name: { text: name } }),
    ...(telecoms && { telecom: telecoms }),
  };
}
