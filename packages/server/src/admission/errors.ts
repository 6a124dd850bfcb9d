import { defineMessages } from '@formatjs/intl';
import type { NoValues } from '../i18n/error-message.ts';

/** What admission, level-of-care changes, discharge, diagnoses and the intake checklist refuse, for people. */
export const admissionErrors = defineMessages<{
  invalidFields: NoValues;
  noSuchPatient: NoValues;
  noSuchEpisode: NoValues;
  staleEpisode: NoValues;
  patientDied: NoValues;
  alreadyAdmitted: NoValues;
  dischargedAdmitAgain: NoValues;
  changeBeforeAdmission: { admittedOn: string };
  changeBeforeLastChange: { lastChangeOn: string };
  changeInFuture: { today: string };
  currentLevelOfCare: NoValues;
  diagnosisRecorded: { code: string };
  noSuchDiagnosis: NoValues;
  staleDiagnosis: NoValues;
  alreadyDischarged: NoValues;
  dischargeBeforeAdmission: { admittedOn: string };
  dischargeBeforeLastChange: { lastChangeOn: string };
  dischargeInFuture: { today: string };
  writeAftercarePlan: NoValues;
  checklistHasItem: NoValues;
  noSuchChecklistItem: NoValues;
  staleChecklistItem: NoValues;
  clinicalItemsOnly: NoValues;
  completionDate: { admittedOn: string; today: string };
}>({
  invalidFields: {
    id: 'admission.errors.invalidFields',
    defaultMessage: 'Some fields are missing or invalid.',
  },
  noSuchPatient: { id: 'admission.errors.noSuchPatient', defaultMessage: 'No such patient.' },
  noSuchEpisode: { id: 'admission.errors.noSuchEpisode', defaultMessage: 'No such episode of care.' },
  staleEpisode: {
    id: 'admission.errors.staleEpisode',
    defaultMessage: 'Someone else changed this episode; review their change.',
  },
  patientDied: {
    id: 'admission.errors.patientDied',
    defaultMessage: 'The record says this patient has died; they cannot be admitted.',
  },
  alreadyAdmitted: {
    id: 'admission.errors.alreadyAdmitted',
    defaultMessage:
      'This patient is already admitted; record a level-of-care change in the current episode instead.',
  },
  dischargedAdmitAgain: {
    id: 'admission.errors.dischargedAdmitAgain',
    defaultMessage: 'This episode is discharged; admit the patient again instead.',
  },
  changeBeforeAdmission: {
    id: 'admission.errors.changeBeforeAdmission',
    defaultMessage: 'The change cannot be before admission ({admittedOn})',
  },
  changeBeforeLastChange: {
    id: 'admission.errors.changeBeforeLastChange',
    defaultMessage: 'The change cannot be before the last one ({lastChangeOn})',
  },
  changeInFuture: {
    id: 'admission.errors.changeInFuture',
    defaultMessage: 'Record the change once it happens (today is {today})',
  },
  currentLevelOfCare: {
    id: 'admission.errors.currentLevelOfCare',
    defaultMessage: 'This is the current setting and level of care',
  },
  diagnosisRecorded: {
    id: 'admission.errors.diagnosisRecorded',
    defaultMessage: '{code} is already recorded in this episode',
  },
  noSuchDiagnosis: { id: 'admission.errors.noSuchDiagnosis', defaultMessage: 'No such diagnosis.' },
  staleDiagnosis: {
    id: 'admission.errors.staleDiagnosis',
    defaultMessage: 'Someone else changed this diagnosis; review their change.',
  },
  alreadyDischarged: {
    id: 'admission.errors.alreadyDischarged',
    defaultMessage: 'This episode is already discharged.',
  },
  dischargeBeforeAdmission: {
    id: 'admission.errors.dischargeBeforeAdmission',
    defaultMessage: 'Discharge cannot be before admission ({admittedOn})',
  },
  dischargeBeforeLastChange: {
    id: 'admission.errors.dischargeBeforeLastChange',
    defaultMessage: 'Discharge cannot be before the last level-of-care change ({lastChangeOn})',
  },
  dischargeInFuture: {
    id: 'admission.errors.dischargeInFuture',
    defaultMessage: 'Discharge cannot be after today ({today})',
  },
  writeAftercarePlan: {
    id: 'admission.errors.writeAftercarePlan',
    defaultMessage: 'Write the aftercare plan: follow-up, recovery supports, who to call',
  },
  checklistHasItem: {
    id: 'admission.errors.checklistHasItem',
    defaultMessage: 'The checklist already has this item',
  },
  noSuchChecklistItem: {
    id: 'admission.errors.noSuchChecklistItem',
    defaultMessage: 'No such checklist item.',
  },
  staleChecklistItem: {
    id: 'admission.errors.staleChecklistItem',
    defaultMessage: 'Someone else changed this checklist item; review their change.',
  },
  clinicalItemsOnly: {
    id: 'admission.errors.clinicalItemsOnly',
    defaultMessage:
      'Only clinical staff (clinicians, prescribers, supervisors) may complete or reopen a clinical intake item.',
  },
  completionDate: {
    id: 'admission.errors.completionDate',
    defaultMessage: 'Choose a date from admission ({admittedOn}) to today ({today})',
  },
});
