import {
  type AccessDecision,
  decideAccess,
  mayBreakGlass,
  type PatientRelationship,
} from '@tandem/core/access/policy';
import type { CareTeamRole, PatientResource } from '@tandem/core/access/resources';
import type { Role } from '@tandem/core/identity/roles';

/**
 * What the record page may offer, asked of the same access policy the server enforces (the server still
 * decides every request): which tabs to show, whether clinical content is open, whether to offer
 * break-the-glass. The relationship is rebuilt from what the record says about the caller.
 */
export interface RecordViewer {
  role: Role;
  staffMemberId: string | null;
}

export interface RecordAccessFacts {
  careTeam: readonly { staffMemberId: string; role: CareTeamRole }[];
  access: { basis: string; breakGlassExpiresAt: string | null };
}

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

// The principal's own organization is the record's: the server never returns another organization's record.
const sameOrganization = 'own';

export function decideRecordRead(
  viewer: RecordViewer,
  record: RecordAccessFacts,
  resource: PatientResource,
  now: Date,
): AccessDecision {
  return decideAccess({
    principal: { userId: 'self', organizationId: sameOrganization, role: viewer.role },
    request: { action: 'read', resource, organizationId: sameOrganization },
    relationship: relationshipToRecord(viewer, record, now),
    now,
  });
}

/** The care team's clinical content (plans, notes, results) is open to the viewer, and on what basis. */
export function clinicalAccess(viewer: RecordViewer, record: RecordAccessFacts, now: Date): AccessDecision {
  return decideRecordRead(viewer, record, 'treatment_plan', now);
}

/** Break-the-glass is worth offering: the viewer may use it and has no open grant on this record. */
export function offersBreakGlass(viewer: RecordViewer, record: RecordAccessFacts, now: Date): boolean {
  const relationship = relationshipToRecord(viewer, record, now);
  if (relationship.breakGlassExpiresAt !== null) return false;
  const principal = { userId: 'self', organizationId: sameOrganization, role: viewer.role };
  return mayBreakGlass(principal, sameOrganization, relationship).allowed;
}

/** Roles that may break the glass at all: a refused record load offers it only to them. */
export function mayEverBreakGlass(role: Role): boolean {
  return mayBreakGlass({ userId: 'self', organizationId: sameOrganization, role }, sameOrganization, {
    careTeamRoles: [],
    isSubject: false,
    consentedCategories: [],
    breakGlassExpiresAt: null,
  }).allowed;
}
