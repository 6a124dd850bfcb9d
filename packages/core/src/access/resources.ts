/**
 * What the access policy protects. Organization resources belong to the program; patient resources belong to one
 * patient's record and are substance-use-disorder records (42 CFR Part 2) unless said otherwise.
 */
export const organizationResources = [
  'staff_directory',
  'organization_settings',
  'audit_log',
  /** Messages waiting for a mail sender (invitation links): administrators read them to try Tandem without mail. */
  'outbox',
  /** Supervisors' review of break-the-glass accesses: was each emergency access justified? */
  'break_glass_review',
  /**
   * The alerts and follow-ups routed to the caller (risk signals, overdue work): each person reads and answers
   * only those routed to them, which routing sends only to people who care for the patient or supervise.
   */
  'alert_inbox',
  /** Who is on duty for the program, when: every staff member reads it; supervisors and administrators keep it. */
  'on_duty_roster',
] as const;

export const patientResources = [
  'patient_demographics',
  'schedule',
  /** Who cares for the patient (primary therapist, prescriber, case manager, supervisor) and its history. */
  'care_team',
  /** The intake checklist of the patient's episodes: consents signed, assessments done, orientation... */
  'intake_checklist',
  /**
   * Episodes of care: admission (referral, setting and ASAM level, substances, presenting problems, co-occurring
   * conditions), level-of-care changes, discharge and aftercare; and the therapist matching built on them.
   */
  'episode_of_care',
  'support_contacts',
  'diagnosis',
  'assessment',
  'treatment_plan',
  'progress_note',
  'progress_summary',
  'medication',
  'drug_test',
  'contingency_ledger',
  'consent_record',
  /** Releasing records to a recipient the patient consented to (a printout or export marked for release). */
  'release_of_information',
  /** Who opened or changed this record, from the audit trail ("who accessed this record"). */
  'access_log',
  /** What left the program under the patient's consents (42 CFR 2.24), which the patient may ask for. */
  'disclosure_accounting',
  /**
   * Invitations to the portal on the patient's record: the patient's own sign-in (a support contact's is a change
   * of the support contacts). Offering a sign-in is the care team's to do, not the front office's.
   */
  'portal_invitation',
  /**
   * What the patient shares with a support contact, as the family portal shows it: the union of what the consents
   * naming the caller open, read only by that support contact, as a disclosure.
   */
  'shared_record',
] as const;

export type OrganizationResource = (typeof organizationResources)[number];
export type PatientResource = (typeof patientResources)[number];
export type ResourceKind = OrganizationResource | PatientResource;

export function isPatientResource(kind: ResourceKind): kind is PatientResource {
  return (patientResources as readonly string[]).includes(kind);
}

/** Clinical content: never for front desk, and for an administrator only through the care team. */
export const clinicalResources: readonly PatientResource[] = [
  'episode_of_care',
  'diagnosis',
  'assessment',
  'treatment_plan',
  'progress_note',
  'progress_summary',
  'medication',
  'drug_test',
  'contingency_ledger',
  'consent_record',
  'release_of_information',
  'support_contacts',
];

export const actions = ['read', 'create', 'update', 'sign'] as const;
export type Action = (typeof actions)[number];

/**
 * What a patient's written consent may let the program disclose to someone outside it (issue: consent model).
 * Each category opens exactly one kind of record for reading, never for writing.
 */
export const disclosureCategories = [
  'attendance',
  'diagnosis',
  'medications',
  'drug_test_results',
  'progress_notes_summary',
  'treatment_plan',
] as const;
export type DisclosureCategory = (typeof disclosureCategories)[number];

export const resourceByDisclosureCategory: Record<DisclosureCategory, PatientResource> = {
  attendance: 'schedule',
  diagnosis: 'diagnosis',
  medications: 'medication',
  drug_test_results: 'drug_test',
  progress_notes_summary: 'progress_summary',
  treatment_plan: 'treatment_plan',
};

/** How a staff member relates to one patient. A supervisor relates through a team member they supervise. */
export const careTeamRoles = [
  'primary_therapist',
  'case_manager',
  'group_facilitator',
  'prescriber',
  'supervisor',
] as const;
export type CareTeamRole = (typeof careTeamRoles)[number];
