import { DomainError, decideAccess, noRelationship, type PatientResource } from '@tandem/core';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import type { Principal } from '../identity/principal.ts';
import { invitationRepository } from './repository.ts';

/**
 * Who may invite (or withdraw the invitation of) a patient or one of their support contacts: the patient's care
 * team, as the access policy decides it. A patient's invitation is a change of their demographics (their sign-in)
 * by someone on their care team; a support contact's is a change of the support contacts, which the policy
 * gives the primary therapist and the case manager.
 *
 * Interim: routes declare 'signed-in' and call this until the route hook decides patient-scoped policies
 * (http/authorization.ts, `patient: { param }`); then the routes declare
 * `{ resource: 'patient_demographics' | 'support_contacts', action: 'update', patient: { param: 'patientId' } }`
 * and this function goes. Returns the refusal (for the caller to audit and throw), or undefined when allowed.
 */
export async function authorizePatientInvitation(
  db: Kysely<DB>,
  principal: Principal,
  patientId: string,
  kind: 'patient' | 'family_member',
  now: Date,
): Promise<DomainError | undefined> {
  const resource: PatientResource = kind === 'patient' ? 'patient_demographics' : 'support_contacts';
  const repository = invitationRepository(db);
  // Another organization's patient looks exactly like one that does not exist.
  if (!(await repository.patientExists(principal.organizationId, patientId))) {
    return new DomainError('not_found', 'No such patient.');
  }
  const careTeamRoles = await repository.careTeamRolesOf(
    principal.organizationId,
    principal.userId,
    patientId,
  );
  const decision = decideAccess({
    principal,
    request: { action: 'update', resource, organizationId: principal.organizationId },
    relationship: { ...noRelationship, careTeamRoles },
    now,
  });
  if (!decision.allowed) return new DomainError('forbidden', decision.reason);
  // Demographics are every staff role's to keep, but a sign-in to the portal is the care team's to offer.
  if (careTeamRoles.length === 0) {
    return new DomainError('forbidden', 'Only the patient’s care team can invite them or their loved ones.');
  }
  return undefined;
}
