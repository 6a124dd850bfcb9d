import type { Role } from '../identity/roles.ts';
import {
  type AccessBasis,
  type AccessPrincipal,
  decideAccess,
  noRelationship,
  type PatientRelationship,
} from './policy.ts';
import {
  careTeamRoles,
  disclosureCategories,
  type PatientResource,
  resourceByDisclosureCategory,
} from './resources.ts';

/**
 * A row of the patient list or search is made of parts of the patient's record, and each part passes the policy
 * of the record it comes from: who the patient is (legal name, MRN, date of birth, status) is demographics, the
 * current episode (admission date, setting, ASAM level) is the episode of care, the primary therapist is the
 * care team.
 */
export const patientListFieldResources = {
  identity: 'patient_demographics',
  currentEpisode: 'episode_of_care',
  primaryTherapist: 'care_team',
} as const satisfies Record<string, PatientResource>;
export type PatientListField = keyof typeof patientListFieldResources;
export const patientListFields = Object.keys(patientListFieldResources) as PatientListField[];

export interface PatientListRead {
  resource: PatientResource;
  basis: AccessBasis;
}

export type PatientListRowDecision =
  | { listed: false }
  | {
      listed: true;
      /** Why the patient is listed at all (the basis of the demographics read, or the consent naming the caller). */
      basis: AccessBasis;
      /** Outside the treating program: the row is a disclosure under the caller's consents, to be accounted. */
      isDisclosure: boolean;
      /** The parts of the record the row may carry. Every row also carries the name the patient goes by. */
      fields: PatientListField[];
      /** The resources the row reads and on what basis, for the audit trail (one event per patient and resource). */
      reads: PatientListRead[];
    };

/**
 * What one row of a patient list may carry, decided part by part by decideAccess with the caller's relationship
 * to that patient. A support contact reads no demographics (no consent category covers legal name, MRN or date of
 * birth), yet must tell apart the patients who share with them: they are listed, by the name the patient goes by
 * and nothing else, as long as some consent naming them opens something to them, and that row is a disclosure.
 */
export function decidePatientListRow(
  principal: AccessPrincipal,
  patientOrganizationId: string,
  relationship: PatientRelationship,
  now: Date,
): PatientListRowDecision {
  const read = (resource: PatientResource) =>
    decideAccess({
      principal,
      request: { action: 'read', resource, organizationId: patientOrganizationId },
      relationship,
      now,
    });
  const identity = read(patientListFieldResources.identity);
  if (identity.allowed) {
    const fields: PatientListField[] = [];
    const reads: PatientListRead[] = [];
    for (const field of patientListFields) {
      const resource = patientListFieldResources[field];
      const decision = read(resource);
      if (!decision.allowed) continue;
      fields.push(field);
      reads.push({ resource, basis: decision.basis });
    }
    return { listed: true, basis: identity.basis, isDisclosure: identity.isDisclosure, fields, reads };
  }
  const consented = relationship.consentedCategories
    .map((category) => read(resourceByDisclosureCategory[category]))
    .find((decision) => decision.allowed && decision.basis === 'consent');
  if (consented === undefined || !consented.allowed) return { listed: false };
  return {
    listed: true,
    basis: consented.basis,
    isDisclosure: consented.isDisclosure,
    fields: [],
    reads: [{ resource: patientListFieldResources.identity, basis: consented.basis }],
  };
}

/**
 * How far a filter or a search on one part of the row may narrow a list, so that it never tells the caller what
 * the row itself would not: over the whole organization (the role reads that part of every record), only over
 * the patients the caller relates to (care team, supervision, an emergency grant, themselves, a consent), or not
 * at all (filtering the front desk's list by level of care would tell them each patient's level).
 */
export type PatientListFilterReach = 'organization' | 'related' | 'none';

const relatedRelationships: PatientRelationship[] = [
  ...careTeamRoles.map((place) => ({ ...noRelationship, careTeamRoles: [place] })),
  { ...noRelationship, isSubject: true },
  { ...noRelationship, consentedCategories: [...disclosureCategories] },
  // Far in the future: the question is whether a grant would open the part, not whether one is held now.
  { ...noRelationship, breakGlassExpiresAt: new Date(8.64e15) },
];

export function patientListFilterReach(role: Role, field: PatientListField): PatientListFilterReach {
  const organizationId = 'any';
  const principal = { userId: 'any', organizationId, role };
  const request = { action: 'read', resource: patientListFieldResources[field], organizationId } as const;
  const now = new Date(0);
  if (decideAccess({ principal, request, relationship: noRelationship, now }).allowed) return 'organization';
  return relatedRelationships.some(
    (relationship) => decideAccess({ principal, request, relationship, now }).allowed,
  )
    ? 'related'
    : 'none';
}
