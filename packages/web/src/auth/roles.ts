import { decideAccess, patientListScope } from '@tandem/core/access/policy';
import type { OrganizationResource } from '@tandem/core/access/resources';
import { portalRoles, type Role } from '@tandem/core/identity/roles';

export { roleLabels } from '@tandem/core/identity/roles';

/** Roles that see the patient/family portal instead of the clinician workspace. */
export function isPortalRole(role: Role): boolean {
  return (portalRoles as readonly string[]).includes(role);
}

/**
 * Whether navigation offers the staff directory: the same access policy the server enforces, asked here so that
 * the menu never offers what the server would refuse (the server still decides).
 */
export function seesStaffDirectory(role: Role): boolean {
  return mayUse(role, 'read', 'staff_directory');
}

/** The audit view (administrators and supervisors). */
export function seesAuditLog(role: Role): boolean {
  return mayUse(role, 'read', 'audit_log');
}

/** Recording a supervisor's review of a break-the-glass access. */
export function reviewsBreakGlass(role: Role): boolean {
  return mayUse(role, 'update', 'break_glass_review');
}

/** The patient list of the whole organization (every staff role; the portal shows a person's own). */
export function seesPatientList(role: Role): boolean {
  return patientListScope(role) === 'organization';
}

/** Deactivating staff and other changes to the staff directory (administrators). */
/** The program's settings: intake checklist, default caseload. */
export function managesProgramSettings(role: Role): boolean {
  return mayUse(role, 'update', 'organization_settings');
}

export function managesStaff(role: Role): boolean {
  return mayUse(role, 'update', 'staff_directory');
}

/** The organization's sign-in policy (which roles must use two-step verification). */
export function managesSignInPolicy(role: Role): boolean {
  return mayUse(role, 'update', 'organization_settings');
}

function mayUse(role: Role, action: 'read' | 'update', resource: OrganizationResource): boolean {
  return decideAccess({
    principal: { userId: 'self', organizationId: 'own', role },
    request: { action, resource, organizationId: 'own' },
    now: new Date(),
  }).allowed;
}
