import { type AccessDecision, decideAccess } from '@tandem/core/access/policy';
import type { Action, PatientResource } from '@tandem/core/access/resources';
import { type RecordAccessFacts, type RecordViewer, relationshipToRecord } from '../patients/access.ts';

// The principal's own organization is the record's: the server never returns another organization's record.
const sameOrganization = 'own';

/**
 * Whether to offer an action on a patient's record (record a consent, revoke it, print a release), asked of the
 * same access policy the server enforces; the server still decides every request.
 */
export function decideRecordAction(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  resource: PatientResource,
  action: Action,
  now: Date,
): AccessDecision {
  return decideAccess({
    principal: { userId: 'self', organizationId: sameOrganization, role: viewer.role },
    request: { action, resource, organizationId: sameOrganization },
    relationship: relationshipToRecord(viewer, record, now),
    now,
  });
}

export interface ConsentAbilities {
  recordConsent: boolean;
  revokeConsent: boolean;
  printRelease: boolean;
  editSupportContacts: boolean;
}

export function consentAbilities(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  now: Date,
): ConsentAbilities {
  const may = (resource: PatientResource, action: Action) =>
    decideRecordAction(viewer, record, resource, action, now).allowed;
  return {
    recordConsent: may('consent_record', 'create'),
    revokeConsent: may('consent_record', 'update'),
    printRelease: may('release_of_information', 'create'),
    editSupportContacts: may('support_contacts', 'create'),
  };
}
