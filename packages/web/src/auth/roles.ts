import { portalRoles, type Role } from '@tandem/core/identity/roles';

export { roleLabels } from '@tandem/core/identity/roles';

/** Roles that see the patient/family portal instead of the clinician workspace. */
export function isPortalRole(role: Role): boolean {
  return (portalRoles as readonly string[]).includes(role);
}
