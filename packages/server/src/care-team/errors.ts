import { defineMessages } from '@formatjs/intl';
import type { CareTeamRole, StaffRole } from '@tandem/core';
import type { NoValues } from '../i18n/error-message.ts';

type Place = { place: CareTeamRole };

/**
 * What the care team refuses, for people. `placeNeedsJob` spells out core's jobRolesForCareTeamPlace, place by
 * place (errors.test.ts holds them in step).
 */
export const careTeamErrors = defineMessages<{
  noSuchStaffMember: NoValues;
  noSuchStaffMemberHere: NoValues;
  staffNoLongerWorksHere: NoValues;
  staffInactive: { name: string };
  jobDoesNotFit: Place;
  placeNeedsJob: Place & { name: string; job: StaffRole };
  alreadyHoldsPlace: Place & { name: string };
  primaryTherapistChanged: NoValues;
  primaryTherapistAssigned: NoValues;
  alreadyHoldsThisPlace: { name: string };
  noSuchPlace: NoValues;
  placeEnded: NoValues;
  placeChanged: NoValues;
}>({
  noSuchStaffMember: { id: 'careTeam.errors.noSuchStaffMember', defaultMessage: 'No such staff member.' },
  noSuchStaffMemberHere: {
    id: 'careTeam.errors.noSuchStaffMemberHere',
    defaultMessage: 'No such staff member in this program',
  },
  staffNoLongerWorksHere: {
    id: 'careTeam.errors.staffNoLongerWorksHere',
    defaultMessage: 'This staff member no longer works here.',
  },
  staffInactive: { id: 'careTeam.errors.staffInactive', defaultMessage: '{name} is no longer active' },
  jobDoesNotFit: {
    id: 'careTeam.errors.jobDoesNotFit',
    defaultMessage:
      'This job does not fit the {place, select, primary_therapist {primary therapist} prescriber {prescriber} case_manager {case manager} supervisor {supervisor} other {group facilitator}} place.',
  },
  placeNeedsJob: {
    id: 'careTeam.errors.placeNeedsJob',
    defaultMessage:
      'The {place, select, primary_therapist {primary therapist} prescriber {prescriber} case_manager {case manager} supervisor {supervisor} other {group facilitator}} place needs {place, select, primary_therapist {a clinician or clinical supervisor} case_manager {a clinician or clinical supervisor} prescriber {a prescriber} supervisor {a clinical supervisor} other {a clinician or clinical supervisor or prescriber}}; {name} is {job, select, admin {an administrator} clinician {a clinician} prescriber {a prescriber} front_desk {a front desk} other {a clinical supervisor}}',
  },
  alreadyHoldsPlace: {
    id: 'careTeam.errors.alreadyHoldsPlace',
    defaultMessage:
      '{name} already holds the {place, select, primary_therapist {primary therapist} prescriber {prescriber} case_manager {case manager} supervisor {supervisor} other {group facilitator}} place.',
  },
  primaryTherapistChanged: {
    id: 'careTeam.errors.primaryTherapistChanged',
    defaultMessage:
      'Someone else changed the primary therapist meanwhile; review the care team as it is now.',
  },
  primaryTherapistAssigned: {
    id: 'careTeam.errors.primaryTherapistAssigned',
    defaultMessage:
      'Someone else assigned a primary therapist at the same moment; review the care team as it is now.',
  },
  alreadyHoldsThisPlace: {
    id: 'careTeam.errors.alreadyHoldsThisPlace',
    defaultMessage: '{name} already holds this place.',
  },
  noSuchPlace: { id: 'careTeam.errors.noSuchPlace', defaultMessage: 'No such care team place.' },
  placeEnded: { id: 'careTeam.errors.placeEnded', defaultMessage: 'This place has already ended.' },
  placeChanged: {
    id: 'careTeam.errors.placeChanged',
    defaultMessage: 'Someone else changed this place; review their change.',
  },
});
