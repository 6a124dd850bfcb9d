import { decideAccess } from '@tandem/core/access/policy';
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
  return decideAccess({
    principal: { userId: 'self', organizationId: 'own', role },
    request: { action: 'read', resource: 'staff_directory', organizationId: 'own' },
    now: new Date(),
  }).allowed;
}
