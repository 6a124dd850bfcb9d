import type { Action, PatientResource } from '@tandem/core/access/resources';
import { mayOnRecord, type RecordAccessFacts, type RecordViewer } from '../access/policy.ts';

/** What the consents panel offers on a record: record a consent, revoke it, print a release, edit contacts. */
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
    mayOnRecord(viewer, record, action, resource, now);
  return {
    recordConsent: may('consent_record', 'create'),
    revokeConsent: may('consent_record', 'update'),
    printRelease: may('release_of_information', 'create'),
    editSupportContacts: may('support_contacts', 'create'),
  };
}
