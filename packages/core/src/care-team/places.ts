import type { CareTeamRole } from '../access/resources.ts';
import type { StaffRole } from '../identity/roles.ts';

/**
 * Which jobs may hold which place on a care team. A place opens the patient's clinical record to its holder, so
 * administrators and front desk staff never hold one. Prescribing needs a prescriber, and supervising a clinical
 * supervisor; therapy and case management are clinicians' (supervisors carry caseloads too); a prescriber or
 * nurse may also lead a group (medication education).
 */
export const jobRolesForCareTeamPlace: Readonly<Record<CareTeamRole, readonly StaffRole[]>> = {
  primary_therapist: ['clinician', 'supervisor'],
  case_manager: ['clinician', 'supervisor'],
  group_facilitator: ['clinician', 'supervisor', 'prescriber'],
  prescriber: ['prescriber'],
  supervisor: ['supervisor'],
};

export function mayHoldCareTeamPlace(jobRole: StaffRole, place: CareTeamRole): boolean {
  return jobRolesForCareTeamPlace[place].includes(jobRole);
}
