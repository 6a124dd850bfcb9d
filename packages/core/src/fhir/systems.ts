import type { Coding } from '@medplum/fhirtypes';

/**
 * Every URL the FHIR mappings name: HL7's code systems and extensions, and Tandem's own for the words of
 * `admission/vocabulary.ts` that no standard code system holds. Tandem's URLs are identities, not addresses a
 * client must be able to fetch, and never change per deployment.
 */
export const tandemFhirBase = 'https://tandem.health/fhir';

const tandemCodeSystem = (name: string) => `${tandemFhirBase}/CodeSystem/${name}`;
const tandemExtension = (name: string) => `${tandemFhirBase}/StructureDefinition/${name}`;

export const fhirCodeSystems = {
  // HL7 terminology (THO) and FHIR R4 core.
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerificationStatus: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  diagnosisRole: 'http://terminology.hl7.org/CodeSystem/diagnosis-role',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  contactRole: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  roleCode: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  confidentiality: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  bcp47: 'urn:ietf:bcp:47',
  // Tandem's vocabulary (admission/vocabulary.ts, access/resources.ts): the codes are the stored keys.
  careSetting: tandemCodeSystem('care-setting'),
  /** ASAM level codes overlap between editions with different meanings (2.1, 3.7), so each edition has one. */
  asamLevelThirdEdition: tandemCodeSystem('asam-level-3rd-edition'),
  asamLevelFourthEdition: tandemCodeSystem('asam-level-4th-edition'),
  referralSource: tandemCodeSystem('referral-source'),
  dischargeType: tandemCodeSystem('discharge-type'),
  levelOfCareChangeDirection: tandemCodeSystem('level-of-care-change-direction'),
  careTeamRole: tandemCodeSystem('care-team-role'),
} as const;

export const fhirExtensionUrls = {
  usCoreBirthSex: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex',
  /** FHIR extensions pack (the one US Core 7 adopted), with the pronouns extension beside it. */
  genderIdentity: 'http://hl7.org/fhir/StructureDefinition/individual-genderIdentity',
  pronouns: 'http://hl7.org/fhir/StructureDefinition/individual-pronouns',
  /** R4 core extension linking a Condition or CareTeam to the EpisodeOfCare it belongs to. */
  episodeOfCare: 'http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare',
  /**
   * Each change of level of care during an episode (sub-extensions `effective`, `setting`, `asamLevel`,
   * `direction`). EpisodeOfCare.statusHistory only holds the episode's status, and `type` only the current level.
   */
  levelOfCareHistory: tandemExtension('level-of-care-history'),
  referralSource: tandemExtension('referral-source'),
  dischargeType: tandemExtension('discharge-type'),
  /** EpisodeOfCare has a care manager but no place for the primary therapist. */
  primaryTherapist: tandemExtension('primary-therapist'),
} as const;

/** The identifier system of an organization's medical record numbers, unless it has one of its own. */
export function tandemMrnSystem(organizationId: string): string {
  return `urn:tandem:organization:${organizationId}:mrn`;
}

/**
 * The security labels of a substance use disorder record: protected by 42 CFR Part 2, and restricted. A new
 * array each call, so that no caller can change another's resource through a shared object.
 */
export function part2SecurityLabels(): Coding[] {
  return [
    { system: fhirCodeSystems.actCode, code: '42CFRPart2', display: '42 CFR Part2' },
    { system: fhirCodeSystems.confidentiality, code: 'R', display: 'restricted' },
  ];
}
