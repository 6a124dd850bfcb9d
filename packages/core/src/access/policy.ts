import { defineMessages } from '../errors/define-messages.ts';
import { type ErrorMessageDescriptor, englishOf } from '../errors/domain-error.ts';
import { isStaffRole, type Role } from '../identity/roles.ts';
import {
  type Action,
  type CareTeamRole,
  clinicalResources,
  type DisclosureCategory,
  isPatientResource,
  type OrganizationResource,
  type PatientResource,
  type ResourceKind,
  resourceByDisclosureCategory,
} from './resources.ts';

/**
 * The one place that decides access: role × relationship × action × resource. Pure: the server gathers the
 * facts (care team, consents, break-the-glass grants) and asks; every answer carries its basis or its reason, for
 * the audit trail and for the person refused.
 */
export interface AccessPrincipal {
  userId: string;
  organizationId: string;
  role: Role;
}

export interface AccessRequest {
  action: Action;
  resource: ResourceKind;
  /** The organization the resource belongs to. */
  organizationId: string;
}

/** Facts about the principal and the one patient whose record is asked for (patient resources only). */
export interface PatientRelationship {
  /** The principal's places on this patient's care team (a supervisor: through a member they supervise). */
  careTeamRoles: readonly CareTeamRole[];
  /** The principal is the patient. */
  isSubject: boolean;
  /** Categories of active written consents naming the principal (a support contact) as recipient. */
  consentedCategories: readonly DisclosureCategory[];
  /** An unexpired break-the-glass grant of this principal for this patient, if any. */
  breakGlassExpiresAt: Date | null;
}

export const noRelationship: PatientRelationship = {
  careTeamRoles: [],
  isSubject: false,
  consentedCategories: [],
  breakGlassExpiresAt: null,
};

export type AccessBasis = 'organization_role' | 'care_team' | 'subject' | 'consent' | 'break_glass';

export type AccessDecision =
  | {
      allowed: true;
      basis: AccessBasis;
      /** A disclosure outside the treating program: check consent now, account for it, attach the notice. */
      isDisclosure: boolean;
    }
  | DeniedAccess;

/** Why not: `reason` in English for the audit trail, `message` for the person refused, in their language. */
export interface DeniedAccess {
  allowed: false;
  reason: string;
  message: ErrorMessageDescriptor;
}

const denials = defineMessages({
  otherOrganization: {
    id: 'access.errors.otherOrganization',
    defaultMessage: 'The record belongs to another organization.',
  },
  breakGlassRole: {
    id: 'access.errors.breakGlassRole',
    defaultMessage: 'A {role} may not use break-the-glass access.',
  },
  onCareTeamNoEmergency: {
    id: 'access.errors.onCareTeamNoEmergency',
    defaultMessage: 'You are on this patient’s care team and need no emergency access.',
  },
  portalInvitationsByCareTeam: {
    id: 'access.errors.portalInvitationsByCareTeam',
    defaultMessage: 'Portal invitations are sent by the patient’s care team.',
  },
  portalForPatients: {
    id: 'access.errors.portalForPatients',
    defaultMessage: 'The portal is for patients and the people they share with.',
  },
  nobodyLists: {
    id: 'access.errors.nobodyLists',
    defaultMessage:
      'Nobody lists {resource, select, patient_demographics {patient demographics} schedule {schedule} care_team {care team} intake_checklist {intake checklist} episode_of_care {episode of care} support_contacts {support contacts} diagnosis {diagnosis} assessment {assessment} treatment_plan {treatment plan} progress_note {progress note} progress_summary {progress summary} medication {medication} drug_test {drug test} contingency_ledger {contingency ledger} consent_record {consent record} release_of_information {release of information} access_log {access log} disclosure_accounting {disclosure accounting} portal_invitation {portal invitation} shared_record {shared record} other {these records}} across patients.',
  },
  roleMayNot: {
    id: 'access.errors.roleMayNot',
    defaultMessage:
      'A {role} may not {action} {resource, select, staff_directory {staff directory} organization_settings {organization settings} audit_log {audit log} outbox {outbox} break_glass_review {break glass review} alert_inbox {alert inbox} on_duty_roster {on duty roster} other {this}}.',
  },
  patientOwnRecordOnly: {
    id: 'access.errors.patientOwnRecordOnly',
    defaultMessage: 'A patient sees only their own record.',
  },
  patientMayNot: {
    id: 'access.errors.patientMayNot',
    defaultMessage: 'A patient may not {action} this part of their record here; ask the care team.',
  },
  contactsOnlyRead: {
    id: 'access.errors.contactsOnlyRead',
    defaultMessage: 'Support contacts can only read what the patient shared.',
  },
  notConsented: {
    id: 'access.errors.notConsented',
    defaultMessage: 'The patient has not consented to share this with you.',
  },
  unknownRole: { id: 'access.errors.unknownRole', defaultMessage: 'Unknown role.' },
  nobodySignsInvitation: {
    id: 'access.errors.nobodySignsInvitation',
    defaultMessage: 'Nobody signs an invitation.',
  },
  onlyCareTeamInvites: {
    id: 'access.errors.onlyCareTeamInvites',
    defaultMessage: 'Only the patient’s care team can invite them or their loved ones.',
  },
  writtenByTandem: {
    id: 'access.errors.writtenByTandem',
    defaultMessage: 'This record is written by Tandem itself, never by hand.',
  },
  notOnCareTeamMayNotRead: {
    id: 'access.errors.notOnCareTeamMayNotRead',
    defaultMessage: 'A {role} who is not on the care team may not read this.',
  },
  nobodySignsCareTeam: {
    id: 'access.errors.nobodySignsCareTeam',
    defaultMessage: 'Nobody signs a care team.',
  },
  careTeamChangers: {
    id: 'access.errors.careTeamChangers',
    defaultMessage: 'Only the care team’s therapist or case manager, or a supervisor, changes the care team.',
  },
  nobodySigns: {
    id: 'access.errors.nobodySigns',
    defaultMessage:
      'Nobody signs {resource, select, patient_demographics {patient demographics} schedule {schedule} intake_checklist {intake checklist} other {this}}.',
  },
  unknownResource: { id: 'access.errors.unknownResource', defaultMessage: 'Unknown resource.' },
  frontDeskNoClinical: {
    id: 'access.errors.frontDeskNoClinical',
    defaultMessage: 'Front desk staff do not see clinical content.',
  },
  placeDoesNotAllow: {
    id: 'access.errors.placeDoesNotAllow',
    defaultMessage:
      'Your place on this care team does not allow you to {action} {resource, select, episode_of_care {episode of care} diagnosis {diagnosis} assessment {assessment} treatment_plan {treatment plan} progress_note {progress note} progress_summary {progress summary} medication {medication} drug_test {drug test} contingency_ledger {contingency ledger} consent_record {consent record} release_of_information {release of information} support_contacts {support contacts} other {this}}.',
  },
  adminsThroughCareTeam: {
    id: 'access.errors.adminsThroughCareTeam',
    defaultMessage: 'Administrators read clinical content only when they are on the care team.',
  },
  notOnCareTeam: {
    id: 'access.errors.notOnCareTeam',
    defaultMessage: 'You are not on this patient’s care team. In an emergency, use break-the-glass access.',
  },
  sharedRecordForContacts: {
    id: 'access.errors.sharedRecordForContacts',
    defaultMessage: 'This page shows what a patient shared with a support contact.',
  },
  noConsentInEffect: {
    id: 'access.errors.noConsentInEffect',
    defaultMessage: 'The patient has no consent in effect that shares anything with you.',
  },
});

const allow = (basis: AccessBasis): AccessDecision => ({
  allowed: true,
  basis,
  isDisclosure: basis === 'consent',
});
const deny = (message: ErrorMessageDescriptor, values?: Record<string, string>): DeniedAccess => {
  const said = values === undefined ? message : { ...message, values };
  return { allowed: false, reason: englishOf(said), message: said };
};

const organizationRules: Record<OrganizationResource, Partial<Record<Action, readonly Role[]>>> = {
  staff_directory: {
    read: ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'],
    create: ['admin'],
    update: ['admin'],
  },
  organization_settings: { read: ['admin'], update: ['admin'] },
  audit_log: { read: ['admin', 'supervisor'] },
  // Administrators read what Tandem mails and put a failed delivery back in the queue ("Retry now").
  outbox: { read: ['admin'], update: ['admin'] },
  // Judging whether an emergency access was clinically justified is a clinical supervisor's call; administrators
  // see the reviews (they answer for privacy) but do not make them.
  break_glass_review: { read: ['admin', 'supervisor'], update: ['supervisor'] },
  // Alerts reach clinical staff, and administrators as the last resort; never the front desk (clinical content).
  alert_inbox: {
    read: ['admin', 'clinician', 'prescriber', 'supervisor'],
    update: ['admin', 'clinician', 'prescriber', 'supervisor'],
  },
  // Everyone at work needs to know whom to call; who is on duty is arranged by supervisors and administrators.
  on_duty_roster: {
    read: ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'],
    create: ['admin', 'supervisor'],
    update: ['admin', 'supervisor'],
  },
};

/** What each place on the care team may write (read is every place's); signing is for authors and co-signers. */
const careTeamWrites: Record<CareTeamRole, readonly PatientResource[]> = {
  primary_therapist: [
    'schedule',
    'care_team',
    'episode_of_care',
    'support_contacts',
    'diagnosis',
    'assessment',
    'treatment_plan',
    'progress_note',
    'progress_summary',
    'drug_test',
    'contingency_ledger',
    'consent_record',
    'release_of_information',
  ],
  case_manager: [
    'schedule',
    'care_team',
    'episode_of_care',
    'support_contacts',
    'assessment',
    'treatment_plan',
    'progress_note',
    'consent_record',
    'release_of_information',
  ],
  group_facilitator: ['schedule', 'assessment', 'progress_note', 'drug_test', 'contingency_ledger'],
  prescriber: [
    'schedule',
    'episode_of_care',
    'diagnosis',
    'assessment',
    'progress_note',
    'medication',
    'drug_test',
  ],
  supervisor: ['care_team'],
};

const signable: Record<CareTeamRole, readonly PatientResource[]> = {
  primary_therapist: ['treatment_plan', 'progress_note', 'assessment'],
  case_manager: ['treatment_plan', 'progress_note'],
  group_facilitator: ['progress_note'],
  prescriber: ['progress_note', 'medication', 'assessment'],
  // Co-signature of a supervised clinician's work.
  supervisor: ['treatment_plan', 'progress_note', 'assessment'],
};

/** What a patient sees of their own record, and the self-report they may enter. */
const subjectReads: readonly PatientResource[] = [
  'patient_demographics',
  'care_team',
  'schedule',
  'support_contacts',
  'diagnosis',
  'assessment',
  'treatment_plan',
  'progress_summary',
  'medication',
  'drug_test',
  'contingency_ledger',
  'consent_record',
  'disclosure_accounting',
];
/**
 * A consent is recorded by a staff member who witnesses the patient's signature (the consents table requires a
 * witness), so a patient does not create one alone; but a patient may revoke their own consent at any time
 * (42 CFR 2.31(a)), and revocation is the only update a consent takes.
 */
const subjectCreates: readonly PatientResource[] = ['assessment'];
const subjectUpdates: readonly PatientResource[] = ['consent_record'];

/**
 * Demographics, schedules and the intake checklist run the front office: every staff role of the organization
 * keeps them. Who is on the care team is front-office knowledge too (to book the right person), but changing it
 * is a clinical decision (careTeamAssigners).
 */
const frontOfficeResources: readonly PatientResource[] = [
  'patient_demographics',
  'schedule',
  'intake_checklist',
];

/**
 * Admitting someone is how a patient first gets a care team, so clinical staff of the organization may open an
 * episode without one (the admitting clinician then joins the team). Supervisors lead caseload assignment and
 * may change any patient's care team.
 */
const admittingRoles: readonly Role[] = ['clinician', 'prescriber', 'supervisor'];
const careTeamAssigners: readonly Role[] = ['supervisor'];

const breakGlassRoles: readonly Role[] = ['clinician', 'prescriber', 'supervisor'];

/**
 * Records about the record, kept by Tandem itself: the staff who answer for privacy (administrators, and
 * supervisors for the access log) read them without a care-team tie, as does the care team.
 */
type ComplianceResource = 'access_log' | 'disclosure_accounting';
const complianceReaders: Record<ComplianceResource, readonly Role[]> = {
  access_log: ['admin', 'supervisor'],
  disclosure_accounting: ['admin', 'supervisor'],
};

/** How long a break-the-glass grant lasts. */
export const breakGlassMinutes = 60;

/**
 * Whether a staff member may break the glass on a patient's record: clinical staff only, and only when nothing
 * else lets them in (the care team needs no emergency access).
 */
export function mayBreakGlass(
  principal: AccessPrincipal,
  patientOrganizationId: string,
  relationship: PatientRelationship,
): AccessDecision {
  if (principal.organizationId !== patientOrganizationId) {
    return deny(denials.otherOrganization);
  }
  if (!breakGlassRoles.includes(principal.role)) {
    return deny(denials.breakGlassRole, { role: principal.role });
  }
  if (relationship.careTeamRoles.length > 0) {
    return deny(denials.onCareTeamNoEmergency);
  }
  return allow('break_glass');
}

/**
 * Which patients a role may list (what each row carries is decided per patient by decidePatientListRow):
 * every staff role keeps the front office and sees the organization's patients; a patient sees themselves; a
 * support contact sees the patients whose active consent names them.
 */
export type PatientListScope = 'organization' | 'self' | 'consenting';
export function patientListScope(role: Role): PatientListScope {
  if (role === 'patient') return 'self';
  if (role === 'family_member') return 'consenting';
  return 'organization';
}

/**
 * A list over many patients' records of one resource: whether the role may ask for it at all, and which patients
 * its SQL lists. What each row then carries is decided per patient (decidePatientListRow, or the list's own rule).
 * - `patient_demographics`: the patient list and search, for every role (patientListScope).
 * - `portal_invitation`: open portal invitations, for staff, of the patients whose care team they are on.
 * - `shared_record`: the portal's patients: oneself for a patient, those sharing with them for a support contact.
 */
export type PatientListReach = PatientListScope | 'care_team';
export type PatientListDecision =
  | { allowed: true; scope: PatientListReach; basis: AccessBasis; isDisclosure: boolean }
  | DeniedAccess;

const listBasis: Record<PatientListReach, AccessBasis> = {
  organization: 'organization_role',
  care_team: 'care_team',
  self: 'subject',
  consenting: 'consent',
};

/** The resources whose lists across patients decidePatientList scopes; any other list is decided by role. */
export const scopedPatientListResources: readonly PatientResource[] = [
  'patient_demographics',
  'portal_invitation',
  'shared_record',
];

export function decidePatientList(role: Role, resource: PatientResource): PatientListDecision {
  const list = (scope: PatientListReach): PatientListDecision => ({
    allowed: true,
    scope,
    basis: listBasis[scope],
    // Naming the patients who share with a support contact is itself a disclosure (accounted by the list).
    isDisclosure: scope === 'consenting',
  });
  switch (resource) {
    case 'patient_demographics':
      return list(patientListScope(role));
    case 'portal_invitation':
      return isStaffRole(role) ? list('care_team') : deny(denials.portalInvitationsByCareTeam);
    case 'shared_record':
      return patientListScope(role) === 'organization'
        ? deny(denials.portalForPatients)
        : list(patientListScope(role));
    default:
      return deny(denials.nobodyLists, { resource });
  }
}

export interface AccessQuestion {
  principal: AccessPrincipal;
  request: AccessRequest;
  /** Required for patient resources; organization resources ignore it. */
  relationship?: PatientRelationship;
  /** The moment of access (break-the-glass grants expire). */
  now: Date;
}

export function decideAccess({
  principal,
  request,
  relationship = noRelationship,
  now,
}: AccessQuestion): AccessDecision {
  if (principal.organizationId !== request.organizationId) {
    return deny(denials.otherOrganization);
  }
  const { action, resource } = request;
  if (!isPatientResource(resource)) {
    const roles = organizationRules[resource][action] ?? [];
    return roles.includes(principal.role)
      ? allow('organization_role')
      : deny(denials.roleMayNot, { role: principal.role, action, resource });
  }
  return decidePatientAccess(principal.role, action, resource, relationship, now);
}

function decidePatientAccess(
  role: Role,
  action: Action,
  resource: PatientResource,
  relationship: PatientRelationship,
  now: Date,
): AccessDecision {
  if (resource === 'shared_record') return decideSharedRecord(role, action, relationship, now);
  if (role === 'patient') {
    if (!relationship.isSubject) return deny(denials.patientOwnRecordOnly);
    if (action === 'read' && subjectReads.includes(resource)) return allow('subject');
    if (action === 'create' && subjectCreates.includes(resource)) return allow('subject');
    if (action === 'update' && subjectUpdates.includes(resource)) return allow('subject');
    return deny(denials.patientMayNot, { action });
  }
  if (role === 'family_member') {
    if (action !== 'read') return deny(denials.contactsOnlyRead);
    const opened = relationship.consentedCategories.some(
      (category) => resourceByDisclosureCategory[category] === resource,
    );
    return opened ? allow('consent') : deny(denials.notConsented);
  }
  if (!isStaffRole(role)) return deny(denials.unknownRole);

  if (resource === 'portal_invitation') {
    if (action === 'sign') return deny(denials.nobodySignsInvitation);
    // Demographics are every staff role's to keep, but a sign-in to the portal is the care team's to offer (a
    // supervisor's through the team member they supervise).
    if (relationship.careTeamRoles.length > 0) return allow('care_team');
    return deny(denials.onlyCareTeamInvites);
  }
  const compliance = complianceReaders[resource as ComplianceResource];
  if (compliance !== undefined) {
    if (action !== 'read') return deny(denials.writtenByTandem);
    if (relationship.careTeamRoles.length > 0) return allow('care_team');
    if (compliance.includes(role)) return allow('organization_role');
    return deny(denials.notOnCareTeamMayNotRead, { role });
  }
  if (resource === 'care_team') {
    if (action === 'read') return allow('organization_role');
    if (action === 'sign') return deny(denials.nobodySignsCareTeam);
    if (relationship.careTeamRoles.some((place) => careTeamWrites[place].includes('care_team'))) {
      return allow('care_team');
    }
    if (careTeamAssigners.includes(role)) return allow('organization_role');
    return deny(denials.careTeamChangers);
  }
  if (resource === 'episode_of_care' && action === 'create' && admittingRoles.includes(role)) {
    return allow(relationship.careTeamRoles.length > 0 ? 'care_team' : 'organization_role');
  }
  if (frontOfficeResources.includes(resource)) {
    if (action !== 'sign') return allow('organization_role');
    return deny(denials.nobodySigns, { resource });
  }
  if (!clinicalResources.includes(resource)) return deny(denials.unknownResource);
  if (role === 'front_desk') return deny(denials.frontDeskNoClinical);
  const team = relationship.careTeamRoles;
  if (team.length > 0) {
    if (action === 'read') return allow('care_team');
    if (action === 'sign' && team.some((place) => signable[place].includes(resource)))
      return allow('care_team');
    if (
      (action === 'create' || action === 'update') &&
      team.some((place) => careTeamWrites[place].includes(resource))
    ) {
      return allow('care_team');
    }
    return deny(denials.placeDoesNotAllow, { action, resource });
  }
  if (
    action === 'read' &&
    breakGlassRoles.includes(role) &&
    relationship.breakGlassExpiresAt !== null &&
    relationship.breakGlassExpiresAt.getTime() > now.getTime()
  ) {
    return allow('break_glass');
  }
  if (role === 'admin') return deny(denials.adminsThroughCareTeam);
  return deny(denials.notOnCareTeam);
}

/**
 * What the patient shares with a support contact (the family portal): only a support contact reads it, and only
 * while some consent naming them opens a part of the record to them.
 */
function decideSharedRecord(
  role: Role,
  action: Action,
  relationship: PatientRelationship,
  now: Date,
): AccessDecision {
  if (role !== 'family_member') return deny(denials.sharedRecordForContacts);
  if (action !== 'read') return deny(denials.contactsOnlyRead);
  const opened = relationship.consentedCategories.some(
    (category) =>
      decidePatientAccess(role, 'read', resourceByDisclosureCategory[category], relationship, now).allowed,
  );
  return opened ? allow('consent') : deny(denials.noConsentInEffect);
}
