/** The roles a user can hold in one organization (one role per organization). */
export const staffRoles = ['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor'] as const;
export const portalRoles = ['patient', 'family_member'] as const;
export const roles = [...staffRoles, ...portalRoles] as const;

export type StaffRole = (typeof staffRoles)[number];
export type PortalRole = (typeof portalRoles)[number];
export type Role = (typeof roles)[number];

export function isStaffRole(role: Role): role is StaffRole {
  return (staffRoles as readonly string[]).includes(role);
}

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  clinician: 'Clinician',
  prescriber: 'Prescriber',
  front_desk: 'Front desk',
  supervisor: 'Clinical supervisor',
  patient: 'Patient',
  family_member: 'Family member',
};
