import { decideAccess } from '@tandem/core/access/policy';
import type { Action, OrganizationResource } from '@tandem/core/access/resources';
import type { Role } from '@tandem/core/identity/roles';

/** What the menus offer, asked of the same policy the server enforces (the server still decides). */
function mayUse(role: Role, action: Action, resource: OrganizationResource): boolean {
  return decideAccess({
    principal: { userId: 'self', organizationId: 'own', role },
    request: { action, resource, organizationId: 'own' },
    now: new Date(),
  }).allowed;
}

/** Inviting staff and seeing their open invitations (administrators). */
export function invitesStaff(role: Role): boolean {
  return mayUse(role, 'create', 'staff_directory');
}

/** The outbox of messages waiting for a mail sender (administrators). */
export function seesOutbox(role: Role): boolean {
  return mayUse(role, 'read', 'outbox');
}
