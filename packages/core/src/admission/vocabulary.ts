/**
 * The words an admission is recorded in: settings, ASAM levels of care, substances and how they are used,
 * referral sources, level-of-care changes and discharge types. Stored values are the keys; labels are how the
 * clinic reads them.
 *
 * Substance classes follow the ICD-10-CM F10-F19 categories. Routes, frequencies and referral sources follow the
 * SAMHSA Treatment Episode Data Set (TEDS) admission codebook, so that a program's state reporting maps one to
 * one. ASAM level codes and names are from The ASAM Criteria, 3rd edition (2013) and 4th edition (2023); only the
 * level codes and their names are here, not the placement logic (which is ASAM's copyrighted content).
 */

import type { CareTeamRole } from '../access/resources.ts';

export const careSettings = [
  'inpatient_residential',
  'partial_hospitalization',
  'intensive_outpatient',
  'outpatient',
  'maintenance_only',
] as const;
export type CareSetting = (typeof careSettings)[number];

export const careSettingLabels: Record<CareSetting, string> = {
  inpatient_residential: 'Inpatient / residential',
  partial_hospitalization: 'Partial hospitalization',
  intensive_outpatient: 'Intensive outpatient',
  outpatient: 'Outpatient',
  maintenance_only: 'Maintenance only',
};

export const asamEditions = ['3', '4'] as const;
export type AsamEdition = (typeof asamEditions)[number];

/** ASAM Criteria 3rd edition levels of care, withdrawal management levels included. */
export const asamThirdEditionLevels = {
  '0.5': 'Early intervention',
  OTP: 'Opioid treatment program (Level 1)',
  '1': 'Outpatient services',
  '2.1': 'Intensive outpatient services',
  '2.5': 'Partial hospitalization services',
  '3.1': 'Clinically managed low-intensity residential services',
  '3.3': 'Clinically managed population-specific high-intensity residential services',
  '3.5': 'Clinically managed high-intensity residential services',
  '3.7': 'Medically monitored intensive inpatient services',
  '4': 'Medically managed intensive inpatient services',
  '1-WM': 'Ambulatory withdrawal management without extended on-site monitoring',
  '2-WM': 'Ambulatory withdrawal management with extended on-site monitoring',
  '3.2-WM': 'Clinically managed residential withdrawal management',
  '3.7-WM': 'Medically monitored inpatient withdrawal management',
  '4-WM': 'Medically managed intensive inpatient withdrawal management',
} as const;

/** ASAM Criteria 4th edition levels of care. */
export const asamFourthEditionLevels = {
  '1.0': 'Long-term remission monitoring',
  '1.5': 'Outpatient therapy',
  '1.7': 'Medically managed outpatient treatment',
  '2.1': 'Intensive outpatient treatment',
  '2.5': 'High-intensity outpatient treatment',
  '2.7': 'Medically managed intensive outpatient treatment',
  '3.1': 'Clinically managed low-intensity residential treatment',
  '3.5': 'Clinically managed high-intensity residential treatment',
  '3.7': 'Medically managed residential treatment',
  '4.0': 'Medically managed inpatient treatment',
} as const;

export type AsamThirdEditionLevel = keyof typeof asamThirdEditionLevels;
export type AsamFourthEditionLevel = keyof typeof asamFourthEditionLevels;

/** A level of care as recorded: the edition it was assessed under and that edition's level code. */
export type AsamLevel =
  | { edition: '3'; level: AsamThirdEditionLevel }
  | { edition: '4'; level: AsamFourthEditionLevel };

export function isAsamLevel(edition: string, level: string): boolean {
  if (edition === '3') return Object.hasOwn(asamThirdEditionLevels, level);
  if (edition === '4') return Object.hasOwn(asamFourthEditionLevels, level);
  return false;
}

export function asamLevelLabel(level: AsamLevel): string {
  const name =
    level.edition === '3' ? asamThirdEditionLevels[level.level] : asamFourthEditionLevels[level.level];
  return `ASAM ${level.edition === '3' ? '3rd' : '4th'} ed. level ${level.level}: ${name}`;
}

/** Substance classes, one per ICD-10-CM category F10-F19. */
export const substanceClasses = [
  'alcohol',
  'opioids',
  'cannabis',
  'sedatives',
  'cocaine',
  'other_stimulants',
  'hallucinogens',
  'nicotine',
  'inhalants',
  'other_psychoactive',
] as const;
export type SubstanceClass = (typeof substanceClasses)[number];

export const substanceClassLabels: Record<SubstanceClass, string> = {
  alcohol: 'Alcohol',
  opioids: 'Opioids',
  cannabis: 'Cannabis',
  sedatives: 'Sedatives, hypnotics or anxiolytics',
  cocaine: 'Cocaine',
  other_stimulants: 'Other stimulants (incl. methamphetamine)',
  hallucinogens: 'Hallucinogens',
  nicotine: 'Nicotine',
  inhalants: 'Inhalants',
  other_psychoactive: 'Other psychoactive substances',
};

/** The ICD-10-CM category of each substance class. */
export const substanceClassIcdCategory: Record<SubstanceClass, string> = {
  alcohol: 'F10',
  opioids: 'F11',
  cannabis: 'F12',
  sedatives: 'F13',
  cocaine: 'F14',
  other_stimulants: 'F15',
  hallucinogens: 'F16',
  nicotine: 'F17',
  inhalants: 'F18',
  other_psychoactive: 'F19',
};

/** TEDS usual route of administration. */
export const useRoutes = ['oral', 'smoking', 'inhalation', 'injection', 'other'] as const;
export type UseRoute = (typeof useRoutes)[number];
export const useRouteLabels: Record<UseRoute, string> = {
  oral: 'Oral',
  smoking: 'Smoking',
  inhalation: 'Inhalation (nasal)',
  injection: 'Injection (intravenous or intramuscular)',
  other: 'Other',
};

/** TEDS frequency of use in the month before admission. */
export const useFrequencies = [
  'no_use_past_month',
  'one_to_three_times_past_month',
  'one_to_two_times_per_week',
  'three_to_six_times_per_week',
  'daily',
] as const;
export type UseFrequency = (typeof useFrequencies)[number];
export const useFrequencyLabels: Record<UseFrequency, string> = {
  no_use_past_month: 'No use in the past month',
  one_to_three_times_past_month: '1-3 times in the past month',
  one_to_two_times_per_week: '1-2 times per week',
  three_to_six_times_per_week: '3-6 times per week',
  daily: 'Daily',
};

/** TEDS principal source of referral. */
export const referralSources = [
  'self',
  'substance_use_care_provider',
  'other_health_care_provider',
  'school',
  'employer',
  'other_community',
  'criminal_justice',
] as const;
export type ReferralSource = (typeof referralSources)[number];
export const referralSourceLabels: Record<ReferralSource, string> = {
  self: 'Individual (self, family or friend)',
  substance_use_care_provider: 'Alcohol or drug use care provider',
  other_health_care_provider: 'Other health care provider',
  school: 'School (educational)',
  employer: 'Employer or employee assistance program',
  other_community: 'Other community referral',
  criminal_justice: 'Court or criminal justice referral (incl. DUI/DWI)',
};

/** Conditions that occur with a substance use disorder and shape treatment and therapist matching. */
export const coOccurringConditions = [
  'depression',
  'anxiety',
  'ptsd',
  'bipolar',
  'psychotic_disorder',
  'adhd',
  'personality_disorder',
  'eating_disorder',
  'chronic_pain',
  'hiv',
  'hepatitis_c',
  'pregnancy',
] as const;
export type CoOccurringCondition = (typeof coOccurringConditions)[number];
export const coOccurringConditionLabels: Record<CoOccurringCondition, string> = {
  depression: 'Depression',
  anxiety: 'Anxiety disorder',
  ptsd: 'Post-traumatic stress disorder',
  bipolar: 'Bipolar disorder',
  psychotic_disorder: 'Psychotic disorder',
  adhd: 'ADHD',
  personality_disorder: 'Personality disorder',
  eating_disorder: 'Eating disorder',
  chronic_pain: 'Chronic pain',
  hiv: 'HIV',
  hepatitis_c: 'Hepatitis C',
  pregnancy: 'Pregnancy',
};

export const levelOfCareChangeDirections = ['step_down', 'step_up', 'lateral'] as const;
export type LevelOfCareChangeDirection = (typeof levelOfCareChangeDirections)[number];
export const levelOfCareChangeDirectionLabels: Record<LevelOfCareChangeDirection, string> = {
  step_down: 'Step-down',
  step_up: 'Step-up',
  lateral: 'Change at the same intensity',
};

export const dischargeTypes = [
  'planned_completion',
  'against_advice',
  'administrative',
  'transfer',
  'death',
] as const;
export type DischargeType = (typeof dischargeTypes)[number];
export const dischargeTypeLabels: Record<DischargeType, string> = {
  planned_completion: 'Planned completion',
  against_advice: 'Left against clinical advice',
  administrative: 'Administrative discharge',
  transfer: 'Transfer to another program',
  death: 'Death',
};

export const episodeStatuses = ['active', 'discharged'] as const;
export type EpisodeStatus = (typeof episodeStatuses)[number];

/** Places on a care team (the roles themselves are the access policy's: `careTeamRoles`). */
export const careTeamRoleLabels: Record<CareTeamRole, string> = {
  primary_therapist: 'Primary therapist',
  prescriber: 'Prescriber',
  case_manager: 'Case manager',
  supervisor: 'Supervisor',
  group_facilitator: 'Group facilitator',
};

/** Gender of a clinician as a patient may state a preference for it. */
export const clinicianGenders = ['woman', 'man', 'non_binary'] as const;
export type ClinicianGender = (typeof clinicianGenders)[number];
