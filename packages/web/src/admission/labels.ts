import type {
  AsamEdition,
  AsamFourthEditionLevel,
  AsamThirdEditionLevel,
  CareSetting,
  CoOccurringCondition,
  DischargeType,
  LevelOfCareChangeDirection,
  ReferralSource,
  SubstanceClass,
  UseFrequency,
  UseRoute,
} from '@tandem/core/admission/vocabulary';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import { formatCalendarDate } from '../patients/labels.ts';

/*
 * The words an admission is recorded in, keyed by the codes core stores (@tandem/core/admission/vocabulary keeps
 * its English labels for machine output only). Each map lists its codes in the vocabulary's order.
 */

export const careSettingLabels: Record<CareSetting, MessageDescriptor> = defineMessages({
  inpatient_residential: {
    id: 'admission.careSetting.inpatientResidential',
    defaultMessage: 'Inpatient / residential',
  },
  partial_hospitalization: {
    id: 'admission.careSetting.partialHospitalization',
    defaultMessage: 'Partial hospitalization',
  },
  intensive_outpatient: {
    id: 'admission.careSetting.intensiveOutpatient',
    defaultMessage: 'Intensive outpatient',
  },
  outpatient: { id: 'admission.careSetting.outpatient', defaultMessage: 'Outpatient' },
  maintenance_only: { id: 'admission.careSetting.maintenanceOnly', defaultMessage: 'Maintenance only' },
});

/** ASAM Criteria 3rd edition (2013) level names. */
export const asamThirdEditionLevelNames: Record<AsamThirdEditionLevel, MessageDescriptor> = defineMessages({
  '0.5': { id: 'admission.asamThirdEdition.earlyIntervention', defaultMessage: 'Early intervention' },
  OTP: {
    id: 'admission.asamThirdEdition.opioidTreatmentProgram',
    defaultMessage: 'Opioid treatment program (Level 1)',
  },
  '1': { id: 'admission.asamThirdEdition.outpatientServices', defaultMessage: 'Outpatient services' },
  '2.1': {
    id: 'admission.asamThirdEdition.intensiveOutpatientServices',
    defaultMessage: 'Intensive outpatient services',
  },
  '2.5': {
    id: 'admission.asamThirdEdition.partialHospitalizationServices',
    defaultMessage: 'Partial hospitalization services',
  },
  '3.1': {
    id: 'admission.asamThirdEdition.lowIntensityResidential',
    defaultMessage: 'Clinically managed low-intensity residential services',
  },
  '3.3': {
    id: 'admission.asamThirdEdition.populationSpecificResidential',
    defaultMessage: 'Clinically managed population-specific high-intensity residential services',
  },
  '3.5': {
    id: 'admission.asamThirdEdition.highIntensityResidential',
    defaultMessage: 'Clinically managed high-intensity residential services',
  },
  '3.7': {
    id: 'admission.asamThirdEdition.medicallyMonitoredInpatient',
    defaultMessage: 'Medically monitored intensive inpatient services',
  },
  '4': {
    id: 'admission.asamThirdEdition.medicallyManagedInpatient',
    defaultMessage: 'Medically managed intensive inpatient services',
  },
  '1-WM': {
    id: 'admission.asamThirdEdition.ambulatoryWithdrawalWithoutMonitoring',
    defaultMessage: 'Ambulatory withdrawal management without extended on-site monitoring',
  },
  '2-WM': {
    id: 'admission.asamThirdEdition.ambulatoryWithdrawalWithMonitoring',
    defaultMessage: 'Ambulatory withdrawal management with extended on-site monitoring',
  },
  '3.2-WM': {
    id: 'admission.asamThirdEdition.residentialWithdrawal',
    defaultMessage: 'Clinically managed residential withdrawal management',
  },
  '3.7-WM': {
    id: 'admission.asamThirdEdition.inpatientWithdrawal',
    defaultMessage: 'Medically monitored inpatient withdrawal management',
  },
  '4-WM': {
    id: 'admission.asamThirdEdition.intensiveInpatientWithdrawal',
    defaultMessage: 'Medically managed intensive inpatient withdrawal management',
  },
});

/** ASAM Criteria 4th edition (2023) level names. */
export const asamFourthEditionLevelNames: Record<AsamFourthEditionLevel, MessageDescriptor> = defineMessages({
  '1.0': {
    id: 'admission.asamFourthEdition.remissionMonitoring',
    defaultMessage: 'Long-term remission monitoring',
  },
  '1.5': { id: 'admission.asamFourthEdition.outpatientTherapy', defaultMessage: 'Outpatient therapy' },
  '1.7': {
    id: 'admission.asamFourthEdition.medicallyManagedOutpatient',
    defaultMessage: 'Medically managed outpatient treatment',
  },
  '2.1': {
    id: 'admission.asamFourthEdition.intensiveOutpatient',
    defaultMessage: 'Intensive outpatient treatment',
  },
  '2.5': {
    id: 'admission.asamFourthEdition.highIntensityOutpatient',
    defaultMessage: 'High-intensity outpatient treatment',
  },
  '2.7': {
    id: 'admission.asamFourthEdition.medicallyManagedIntensiveOutpatient',
    defaultMessage: 'Medically managed intensive outpatient treatment',
  },
  '3.1': {
    id: 'admission.asamFourthEdition.lowIntensityResidential',
    defaultMessage: 'Clinically managed low-intensity residential treatment',
  },
  '3.5': {
    id: 'admission.asamFourthEdition.highIntensityResidential',
    defaultMessage: 'Clinically managed high-intensity residential treatment',
  },
  '3.7': {
    id: 'admission.asamFourthEdition.medicallyManagedResidential',
    defaultMessage: 'Medically managed residential treatment',
  },
  '4.0': {
    id: 'admission.asamFourthEdition.medicallyManagedInpatient',
    defaultMessage: 'Medically managed inpatient treatment',
  },
});

/** The level names of an edition ({} for none), in the edition's order. */
export function asamLevelNames(edition: AsamEdition | ''): Record<string, MessageDescriptor> {
  if (edition === '3') return asamThirdEditionLevelNames;
  if (edition === '4') return asamFourthEditionLevelNames;
  return {};
}

export const substanceClassLabels: Record<SubstanceClass, MessageDescriptor> = defineMessages({
  alcohol: { id: 'admission.substanceClass.alcohol', defaultMessage: 'Alcohol' },
  opioids: { id: 'admission.substanceClass.opioids', defaultMessage: 'Opioids' },
  cannabis: { id: 'admission.substanceClass.cannabis', defaultMessage: 'Cannabis' },
  sedatives: {
    id: 'admission.substanceClass.sedatives',
    defaultMessage: 'Sedatives, hypnotics or anxiolytics',
  },
  cocaine: { id: 'admission.substanceClass.cocaine', defaultMessage: 'Cocaine' },
  other_stimulants: {
    id: 'admission.substanceClass.otherStimulants',
    defaultMessage: 'Other stimulants (incl. methamphetamine)',
  },
  hallucinogens: { id: 'admission.substanceClass.hallucinogens', defaultMessage: 'Hallucinogens' },
  nicotine: { id: 'admission.substanceClass.nicotine', defaultMessage: 'Nicotine' },
  inhalants: { id: 'admission.substanceClass.inhalants', defaultMessage: 'Inhalants' },
  other_psychoactive: {
    id: 'admission.substanceClass.otherPsychoactive',
    defaultMessage: 'Other psychoactive substances',
  },
});

export const useRouteLabels: Record<UseRoute, MessageDescriptor> = defineMessages({
  oral: { id: 'admission.useRoute.oral', defaultMessage: 'Oral' },
  smoking: { id: 'admission.useRoute.smoking', defaultMessage: 'Smoking' },
  inhalation: { id: 'admission.useRoute.inhalation', defaultMessage: 'Inhalation (nasal)' },
  injection: {
    id: 'admission.useRoute.injection',
    defaultMessage: 'Injection (intravenous or intramuscular)',
  },
  other: { id: 'admission.useRoute.other', defaultMessage: 'Other' },
});

export const useFrequencyLabels: Record<UseFrequency, MessageDescriptor> = defineMessages({
  no_use_past_month: {
    id: 'admission.useFrequency.noUsePastMonth',
    defaultMessage: 'No use in the past month',
  },
  one_to_three_times_past_month: {
    id: 'admission.useFrequency.oneToThreeTimesPastMonth',
    defaultMessage: '1-3 times in the past month',
  },
  one_to_two_times_per_week: {
    id: 'admission.useFrequency.oneToTwoTimesPerWeek',
    defaultMessage: '1-2 times per week',
  },
  three_to_six_times_per_week: {
    id: 'admission.useFrequency.threeToSixTimesPerWeek',
    defaultMessage: '3-6 times per week',
  },
  daily: { id: 'admission.useFrequency.daily', defaultMessage: 'Daily' },
});

export const referralSourceLabels: Record<ReferralSource, MessageDescriptor> = defineMessages({
  self: { id: 'admission.referralSource.self', defaultMessage: 'Individual (self, family or friend)' },
  substance_use_care_provider: {
    id: 'admission.referralSource.substanceUseCareProvider',
    defaultMessage: 'Alcohol or drug use care provider',
  },
  other_health_care_provider: {
    id: 'admission.referralSource.otherHealthCareProvider',
    defaultMessage: 'Other health care provider',
  },
  school: { id: 'admission.referralSource.school', defaultMessage: 'School (educational)' },
  employer: {
    id: 'admission.referralSource.employer',
    defaultMessage: 'Employer or employee assistance program',
  },
  other_community: {
    id: 'admission.referralSource.otherCommunity',
    defaultMessage: 'Other community referral',
  },
  criminal_justice: {
    id: 'admission.referralSource.criminalJustice',
    defaultMessage: 'Court or criminal justice referral (incl. DUI/DWI)',
  },
});

export const coOccurringConditionLabels: Record<CoOccurringCondition, MessageDescriptor> = defineMessages({
  depression: { id: 'admission.coOccurringCondition.depression', defaultMessage: 'Depression' },
  anxiety: { id: 'admission.coOccurringCondition.anxiety', defaultMessage: 'Anxiety disorder' },
  ptsd: { id: 'admission.coOccurringCondition.ptsd', defaultMessage: 'Post-traumatic stress disorder' },
  bipolar: { id: 'admission.coOccurringCondition.bipolar', defaultMessage: 'Bipolar disorder' },
  psychotic_disorder: {
    id: 'admission.coOccurringCondition.psychoticDisorder',
    defaultMessage: 'Psychotic disorder',
  },
  adhd: { id: 'admission.coOccurringCondition.adhd', defaultMessage: 'ADHD' },
  personality_disorder: {
    id: 'admission.coOccurringCondition.personalityDisorder',
    defaultMessage: 'Personality disorder',
  },
  eating_disorder: { id: 'admission.coOccurringCondition.eatingDisorder', defaultMessage: 'Eating disorder' },
  chronic_pain: { id: 'admission.coOccurringCondition.chronicPain', defaultMessage: 'Chronic pain' },
  hiv: { id: 'admission.coOccurringCondition.hiv', defaultMessage: 'HIV' },
  hepatitis_c: { id: 'admission.coOccurringCondition.hepatitisC', defaultMessage: 'Hepatitis C' },
  pregnancy: { id: 'admission.coOccurringCondition.pregnancy', defaultMessage: 'Pregnancy' },
});

export const levelOfCareChangeDirectionLabels: Record<LevelOfCareChangeDirection, MessageDescriptor> =
  defineMessages({
    step_down: { id: 'admission.levelOfCareChangeDirection.stepDown', defaultMessage: 'Step-down' },
    step_up: { id: 'admission.levelOfCareChangeDirection.stepUp', defaultMessage: 'Step-up' },
    lateral: {
      id: 'admission.levelOfCareChangeDirection.lateral',
      defaultMessage: 'Change at the same intensity',
    },
  });

export const dischargeTypeLabels: Record<DischargeType, MessageDescriptor> = defineMessages({
  planned_completion: {
    id: 'admission.dischargeType.plannedCompletion',
    defaultMessage: 'Planned completion',
  },
  against_advice: {
    id: 'admission.dischargeType.againstAdvice',
    defaultMessage: 'Left against clinical advice',
  },
  administrative: {
    id: 'admission.dischargeType.administrative',
    defaultMessage: 'Administrative discharge',
  },
  transfer: { id: 'admission.dischargeType.transfer', defaultMessage: 'Transfer to another program' },
  death: { id: 'admission.dischargeType.death', defaultMessage: 'Death' },
});

/** A diagnosis's clinical status (FHIR Condition.clinicalStatus, as the episode API answers it). */
export const diagnosisClinicalStatusLabels: Record<'active' | 'remission' | 'resolved', MessageDescriptor> =
  defineMessages({
    active: { id: 'admission.diagnosisClinicalStatus.active', defaultMessage: 'active' },
    remission: { id: 'admission.diagnosisClinicalStatus.remission', defaultMessage: 'in remission' },
    resolved: { id: 'admission.diagnosisClinicalStatus.resolved', defaultMessage: 'resolved' },
  });

/** A label map as select options, in the map's (the vocabulary's) order. */
export function optionsOf<K extends string>(
  intl: IntlShape,
  labels: Record<K, MessageDescriptor>,
): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, MessageDescriptor][]).map(([value, label]) => ({
    value,
    label: intl.formatMessage(label),
  }));
}

/** A label as it reads inside a sentence ("referred by other community referral"). */
export function inSentence(intl: IntlShape, label: MessageDescriptor): string {
  return intl.formatMessage(label).toLocaleLowerCase(intl.locale);
}

const messages: Record<'levelWithAsam' | 'inTreatment' | 'discharged' | 'dischargedAs', MessageDescriptor> =
  defineMessages({
    levelWithAsam: {
      id: 'admission.labels.levelOfCareWithAsam',
      defaultMessage: '{setting} · ASAM {edition, select, 3 {3rd} other {4th}} ed. {level}',
    },
    inTreatment: {
      id: 'admission.labels.episodeInTreatment',
      defaultMessage: 'Admitted {admittedOn} · in treatment',
    },
    discharged: {
      id: 'admission.labels.episodeDischarged',
      defaultMessage: 'Admitted {admittedOn} · Discharged {dischargedOn}',
    },
    dischargedAs: {
      id: 'admission.labels.episodeDischargedAs',
      defaultMessage: 'Admitted {admittedOn} · Discharged {dischargedOn} ({dischargeType})',
    },
  });

/** "Outpatient · ASAM 4th ed. 1.5" — how an episode's current level reads in a list. */
export function levelOfCareLabel(
  intl: IntlShape,
  setting: CareSetting,
  asam: { edition: string; level: string } | null,
): string {
  const settingLabel = intl.formatMessage(careSettingLabels[setting]);
  if (asam === null) return settingLabel;
  return intl.formatMessage(messages.levelWithAsam, {
    setting: settingLabel,
    edition: asam.edition,
    level: asam.level,
  });
}

/** "Admitted Jan 5, 2026 · Discharged Mar 1, 2026 (planned completion)" */
export function episodeSpanLabel(
  intl: IntlShape,
  episode: { admittedOn: string; dischargedOn: string | null; dischargeType: DischargeType | null },
): string {
  const admittedOn = formatCalendarDate(intl, episode.admittedOn);
  if (episode.dischargedOn === null) return intl.formatMessage(messages.inTreatment, { admittedOn });
  const dischargedOn = formatCalendarDate(intl, episode.dischargedOn);
  if (episode.dischargeType === null)
    return intl.formatMessage(messages.discharged, { admittedOn, dischargedOn });
  return intl.formatMessage(messages.dischargedAs, {
    admittedOn,
    dischargedOn,
    dischargeType: inSentence(intl, dischargeTypeLabels[episode.dischargeType]),
  });
}
