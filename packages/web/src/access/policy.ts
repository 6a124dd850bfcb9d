import {
  type AccessDecision,
  type AccessPrincipal,
  decideAccess,
  mayBreakGlass,
  noRelationship,
  type PatientRelationship,
  patientListScope,
} from '@tandem/core/access/policy';
import type {
  Action,
  CareTeamRole,
  OrganizationResource,
  PatientResource,
} from '@tandem/core/access/resources';
import type { Role } from '@tandem/core/identity/roles';

/**
 * The web's one way to ask the access policy the server enforces, so that a page never offers what the server
 * would refuse (the server still decides every request). Menus ask about the organization, record pages about a
 * patient's record; nothing else in packages/web imports core's policy (biome.json says so).
 */

// The principal's own organization is the one asked about: the server never returns another organization's data.
const ownOrganization = 'own';

function principal(role: Role): AccessPrincipal {
  return { userId: 'self', organizationId: ownOrganization, role };
}

/** Whether the signed-in role may do something organization-wide (menus, directories, settings). */
export function mayInOrganization(role: Role, action: Action, resource: OrganizationResource): boolean {
  return decideAccess({
    principal: principal(role),
    request: { action, resource, organizationId: ownOrganization },
    now: new Date(),
  }).allowed;
}

/** The patient list of the whole organization (every staff role; the portal shows a person's own). */
export function seesPatientList(role: Role): boolean {
  return patientListScope(role) === 'organization';
}

/** Who is looking at a patient's record. */
export interface RecordViewer {
  role: Role;
  staffMemberId: string | null;
}

/** What a loaded record says about the viewer's relationship to it. */
export interface RecordAccessFacts {
  careTeam: readonly { staffMemberId: string; role: CareTeamRole }[];
  access: { basis: string; breakGlassExpiresAt: string | null };
}

/** The relationship rebuilt from what the record says about the viewer; an expired grant counts for nothing. */
export function relationshipToRecord(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  now: Date,
): PatientRelationship {
  const places = record.careTeam
    .filter((member) => viewer.staffMemberId !== null && member.staffMemberId === viewer.staffMemberId)
    .map((member) => member.role);
  const expiresAt =
    record.access.breakGlassExpiresAt === null ? null : new Date(record.access.breakGlassExpiresAt);
  return {
    careTeamRoles: [...new Set(places)],
    isSubject: record.access.basis === 'subject',
    consentedCategories: [],
    breakGlassExpiresAt: expiresAt !== null && expiresAt.getTime() > now.getTime() ? expiresAt : null,
  };
}

/** The policy's decision, with its reason, on an action on one part of a patient's record. */
export function decideOnRecord(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  action: Action,
  resource: PatientResource,
  now: Date,
): AccessDecision {
  return decideAccess({
    principal: principal(viewer.role),
    request: { action, resource, organizationId: ownOrganization },
    relationship: relationshipToRecord(viewer, record, now),
    now,
  });
}

/** Whether to offer an action on one part of a patient's record (a tab, a button). */
export function mayOnRecord(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  action: Action,
  resource: PatientResource,
  now: Date,
): boolean {
  return decideOnRecord(viewer, record, action, resource, now).allowed;
}

/** The care team's clinical content (plans, notes, results) is open to the viewer, and on what basis. */
export function clinicalAccess(viewer: RecordViewer, record: RecordAccessFacts, now: Date): AccessDecision {
  return decideOnRecord(viewer, record, 'read', 'treatment_plan', now);
}

/** Break-the-glass is worth offering: the viewer may use it and has no open grant on this record. */
export function offersBreakGlass(viewer: RecordViewer, record: RecordAccessFacts, now: Date): boolean {
  const relationship = relationshipToRecord(viewer, record, now);
  if (relationship.breakGlassExpiresAt !== null) return false;
  return mayBreakGlass(principal(viewer.role), ownOrganization, relationship).allowed;
}

/** Roles that may break the glass at all: a refused record load offers it only to them. */
export function mayEverBreakGlass(role: Role): boolean {
  return mayBreakGlass(principal(role), ownOrganization, noRelationship).allowed;
}
