import { portalRoles, type Role } from '@tandem/core/identity/roles';
import { defineMessages, type MessageDescriptor } from 'react-intl';

/** Each role as people read it: `intl.formatMessage(roleLabels[role])`. */
export const roleLabels: Record<Role, MessageDescriptor> = defineMessages({
  admin: { id: 'roles.admin', defaultMessage: 'Administrator' },
  clinician: { id: 'roles.clinician', defaultMessage: 'Clinician' },
  prescriber: { id: 'roles.prescriber', defaultMessage: 'Prescriber' },
  front_desk: { id: 'roles.frontDesk', defaultMessage: 'Front desk' },
  supervisor: { id: 'roles.supervisor', defaultMessage: 'Clinical supervisor' },
  patient: { id: 'roles.patient', defaultMessage: 'Patient' },
  family_member: { id: 'roles.familyMember', defaultMessage: 'Family member' },
});

/** Roles that see the patient/family portal instead of the clinician workspace. */
export function isPortalRole(role: Role): boolean {
  return (portalRoles as readonly string[]).includes(role);
}
