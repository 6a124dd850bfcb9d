import type { CareTeamRole } from '@tandem/core/access/resources';
import type { TherapeuticApproach } from '@tandem/core/staff/approaches';
import { defineMessages, type MessageDescriptor } from 'react-intl';

/** Places on a care team: `intl.formatMessage(careTeamRoleLabels[role])`. */
export const careTeamRoleLabels: Record<CareTeamRole, MessageDescriptor> = defineMessages({
  primary_therapist: { id: 'careTeam.role.primaryTherapist', defaultMessage: 'Primary therapist' },
  case_manager: { id: 'careTeam.role.caseManager', defaultMessage: 'Case manager' },
  group_facilitator: { id: 'careTeam.role.groupFacilitator', defaultMessage: 'Group facilitator' },
  prescriber: { id: 'careTeam.role.prescriber', defaultMessage: 'Prescriber' },
  supervisor: { id: 'careTeam.role.supervisor', defaultMessage: 'Supervisor' },
});

/** Therapeutic approaches, as the therapist ranking suggests them. */
export const therapeuticApproachLabels: Record<TherapeuticApproach, MessageDescriptor> = defineMessages({
  cbt: { id: 'careTeam.approach.cbt', defaultMessage: 'Cognitive behavioural therapy' },
  dbt: { id: 'careTeam.approach.dbt', defaultMessage: 'Dialectical behaviour therapy' },
  motivational_interviewing: {
    id: 'careTeam.approach.motivationalInterviewing',
    defaultMessage: 'Motivational interviewing',
  },
  psychodynamic: { id: 'careTeam.approach.psychodynamic', defaultMessage: 'Psychodynamic therapy' },
  family_therapy: { id: 'careTeam.approach.familyTherapy', defaultMessage: 'Family therapy' },
  contingency_management: {
    id: 'careTeam.approach.contingencyManagement',
    defaultMessage: 'Contingency management',
  },
  expressive: { id: 'careTeam.approach.expressive', defaultMessage: 'Expressive therapies' },
  trauma_focused: { id: 'careTeam.approach.traumaFocused', defaultMessage: 'Trauma-focused therapy' },
  medication_management: {
    id: 'careTeam.approach.medicationManagement',
    defaultMessage: 'Medication management',
  },
});
