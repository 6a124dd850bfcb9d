import { base, en, en_US, Faker } from '@faker-js/faker';
import {
  type AsamEdition,
  type CareSetting,
  type ClinicianGender,
  type CoOccurringCondition,
  type DischargeType,
  type ReferralSource,
  type SubstanceClass,
  type TherapeuticApproach,
  therapeuticApproaches,
  type UseFrequency,
  type UseRoute,
} from '@tandem/core';
import { UUID } from 'uuidv7';

/**
 * The care of synthetic patients: their episodes of care (admission, setting, ASAM level, primary substance,
 * discharge), step-downs inside them, and the clinicians who are their primary therapists. Like the patients
 * themselves, a pure function of its options and of the patients it is given, in order.
 */
export interface SyntheticCareOptions {
  seed: number;
  firstMrnValue: number;
  asOf: Date;
}

/** The part of a synthetic patient its care depends on. */
export interface PatientForCare {
  id: string;
  status: string;
  createdAt: Date;
}

export interface SyntheticEpisode {
  id: string;
  patientId: string;
  status: 'active' | 'discharged';
  admittedOn: string;
  referralSource: ReferralSource;
  setting: CareSetting;
  asamEdition: AsamEdition | null;
  asamLevel: string | null;
  coOccurringConditions: CoOccurringCondition[];
  dischargedOn: string | null;
  dischargeType: DischargeType | null;
  aftercarePlan: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface SyntheticSubstance {
  id: string;
  episodeId: string;
  substanceClass: SubstanceClass;
  route: UseRoute;
  frequency: UseFrequency;
  isPrimary: true;
  position: 0;
}

export interface SyntheticLevelChange {
  id: string;
  episodeId: string;
  effectiveOn: string;
  direction: 'step_down';
  fromSetting: CareSetting;
  fromAsamEdition: AsamEdition | null;
  fromAsamLevel: string | null;
  setting: CareSetting;
  asamEdition: AsamEdition | null;
  asamLevel: string | null;
  reason: string;
}

export interface SyntheticCare {
  episodes: SyntheticEpisode[];
  substances: SyntheticSubstance[];
  levelChanges: SyntheticLevelChange[];
  /** The patient has an active episode and so a current primary therapist. */
  needsPrimaryTherapist: boolean;
}

export interface SyntheticTherapist {
  displayName: string;
  email: string;
  jobRole: 'clinician';
  credentials: string[];
  yearsAddictionExperience: number;
  approaches: TherapeuticApproach[];
  languages: string[];
  pronouns: string | null;
  gender: ClinicianGender;
  maxCaseload: number;
  substanceExperience: Partial<Record<SubstanceClass, number>>;
  conditionExperience: CoOccurringCondition[];
}

const dayMs = 86_400_000;

type Weighted<T> = { weight: number; value: T }[];

const settings: Weighted<CareSetting> = [
  { weight: 25, value: 'inpatient_residential' },
  { weight: 10, value: 'partial_hospitalization' },
  { weight: 25, value: 'intensive_outpatient' },
  { weight: 30, value: 'outpatient' },
  { weight: 10, value: 'maintenance_only' },
];

/** Level codes that fit each setting, per ASAM edition (packages/core/src/admission/vocabulary.ts). */
const levelsBySetting: Record<CareSetting, Record<AsamEdition, string[]>> = {
  inpatient_residential: { '3': ['3.1', '3.5', '3.7', '3.7-WM'], '4': ['3.1', '3.5', '3.7'] },
  partial_hospitalization: { '3': ['2.5'], '4': ['2.5', '2.7'] },
  intensive_outpatient: { '3': ['2.1'], '4': ['2.1'] },
  outpatient: { '3': ['1', '0.5'], '4': ['1.5', '1.7'] },
  maintenance_only: { '3': ['OTP', '1'], '4': ['1.7', '1.0'] },
};

/** Typical length of a stay in each setting, in days. */
const stayDays: Record<CareSetting, [number, number]> = {
  inpatient_residential: [14, 60],
  partial_hospitalization: [14, 45],
  intensive_outpatient: [30, 90],
  outpatient: [60, 240],
  maintenance_only: [90, 720],
};

const stepDownTo: Partial<Record<CareSetting, CareSetting>> = {
  inpatient_residential: 'intensive_outpatient',
  partial_hospitalization: 'intensive_outpatient',
  intensive_outpatient: 'outpatient',
};

const referralSources: Weighted<ReferralSource> = [
  { weight: 35, value: 'self' },
  { weight: 20, value: 'criminal_justice' },
  { weight: 15, value: 'other_health_care_provider' },
  { weight: 12, value: 'substance_use_care_provider' },
  { weight: 10, value: 'other_community' },
  { weight: 5, value: 'employer' },
  { weight: 3, value: 'school' },
];

// Roughly the mix of primary substances at US treatment admissions (SAMHSA TEDS).
const primarySubstances: Weighted<SubstanceClass> = [
  { weight: 33, value: 'alcohol' },
  { weight: 28, value: 'opioids' },
  { weight: 14, value: 'other_stimulants' },
  { weight: 10, value: 'cannabis' },
  { weight: 8, value: 'cocaine' },
  { weight: 3, value: 'sedatives' },
  { weight: 2, value: 'other_psychoactive' },
  { weight: 1, value: 'hallucinogens' },
  { weight: 1, value: 'inhalants' },
];

const routes: Record<SubstanceClass, Weighted<UseRoute>> = {
  alcohol: [{ weight: 1, value: 'oral' }],
  opioids: [
    { weight: 40, value: 'injection' },
    { weight: 25, value: 'smoking' },
    { weight: 15, value: 'inhalation' },
    { weight: 20, value: 'oral' },
  ],
  other_stimulants: [
    { weight: 50, value: 'smoking' },
    { weight: 25, value: 'injection' },
    { weight: 20, value: 'inhalation' },
    { weight: 5, value: 'oral' },
  ],
  cannabis: [
    { weight: 80, value: 'smoking' },
    { weight: 20, value: 'oral' },
  ],
  cocaine: [
    { weight: 55, value: 'inhalation' },
    { weight: 35, value: 'smoking' },
    { weight: 10, value: 'injection' },
  ],
  sedatives: [{ weight: 1, value: 'oral' }],
  hallucinogens: [{ weight: 1, value: 'oral' }],
  nicotine: [{ weight: 1, value: 'smoking' }],
  inhalants: [{ weight: 1, value: 'inhalation' }],
  other_psychoactive: [
    { weight: 70, value: 'oral' },
    { weight: 30, value: 'other' },
  ],
};

const frequencies: Weighted<UseFrequency> = [
  { weight: 50, value: 'daily' },
  { weight: 25, value: 'three_to_six_times_per_week' },
  { weight: 12, value: 'one_to_two_times_per_week' },
  { weight: 8, value: 'one_to_three_times_past_month' },
  { weight: 5, value: 'no_use_past_month' },
];

const conditionOdds: [CoOccurringCondition, number][] = [
  ['depression', 0.35],
  ['anxiety', 0.3],
  ['ptsd', 0.2],
  ['adhd', 0.08],
  ['chronic_pain', 0.1],
  ['bipolar', 0.06],
  ['hepatitis_c', 0.05],
  ['personality_disorder', 0.04],
];

const dischargeTypes: Weighted<DischargeType> = [
  { weight: 52, value: 'planned_completion' },
  { weight: 25, value: 'against_advice' },
  { weight: 10, value: 'administrative' },
  { weight: 13, value: 'transfer' },
];

const aftercarePlans = [
  'Weekly outpatient counselling and mutual-help meetings; check-in call in two weeks.',
  'Continue maintenance medication with the community prescriber; monthly check-ins.',
  'Alumni group weekly; relapse-prevention plan reviewed with family.',
  'Referred to community mental health for co-occurring care; recovery coach follows up.',
];

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function startOfDay(ms: number): number {
  return Math.floor(ms / dayMs) * dayMs;
}

/** A generator of care for patients handed to it in MRN order. */
export function syntheticCare(options: SyntheticCareOptions): (patient: PatientForCare) => SyntheticCare {
  const pick = new Faker({ locale: [en_US, en, base] });
  pick.seed([options.seed, options.firstMrnValue, 101]);
  const asOfDay = startOfDay(options.asOf.getTime());
  const id = (ms: number) =>
    UUID.fromFieldsV7(
      ms,
      pick.number.int({ max: 0xfff }),
      pick.number.int({ max: 0x3fffffff }),
      pick.number.int({ max: 0xffffffff }),
    ).toString();
  const asam = (setting: CareSetting): { asamEdition: AsamEdition | null; asamLevel: string | null } => {
    const roll = pick.number.float();
    if (roll < 0.05) return { asamEdition: null, asamLevel: null };
    const edition: AsamEdition = roll < 0.75 ? '3' : '4';
    return { asamEdition: edition, asamLevel: pick.helpers.arrayElement(levelsBySetting[setting][edition]) };
  };

  return (patient) => {
    const care: SyntheticCare = {
      episodes: [],
      substances: [],
      levelChanges: [],
      needsPrimaryTherapist: false,
    };
    const wantedEpisodes = pick.helpers.weightedArrayElement([
      { weight: 75, value: 1 },
      { weight: 20, value: 2 },
      { weight: 5, value: 3 },
    ]);
    const ongoing = patient.status === 'active';
    const substance = pick.helpers.weightedArrayElement(primarySubstances);
    const conditions = conditionOdds
      .filter(([, odds]) => pick.number.float() < odds)
      .map(([condition]) => condition);
    let admitted = startOfDay(patient.createdAt.getTime());
    for (let index = 0; index < wantedEpisodes && admitted < asOfDay; index++) {
      const setting = pick.helpers.weightedArrayElement(settings);
      const [shortest, longest] = stayDays[setting];
      let discharged = admitted + pick.number.int({ min: shortest, max: longest }) * dayMs;
      const isLast = index === wantedEpisodes - 1 || discharged + 30 * dayMs >= asOfDay;
      const stays = isLast && ongoing;
      if (!stays && discharged >= asOfDay) discharged = Math.max(admitted, asOfDay - dayMs);
      const episodeId = id(admitted + pick.number.int({ min: 8, max: 17 }) * 3_600_000);
      const level = asam(setting);
      const episode: SyntheticEpisode = {
        id: episodeId,
        patientId: patient.id,
        status: stays ? 'active' : 'discharged',
        admittedOn: isoDay(admitted),
        referralSource: pick.helpers.weightedArrayElement(referralSources),
        setting,
        ...level,
        coOccurringConditions: conditions,
        dischargedOn: stays ? null : isoDay(discharged),
        dischargeType: stays
          ? null
          : isLast && patient.status === 'deceased' && pick.number.float() < 0.5
            ? 'death'
            : pick.helpers.weightedArrayElement(dischargeTypes),
        aftercarePlan: stays ? null : pick.helpers.arrayElement(aftercarePlans),
        createdAt: new Date(admitted + 9 * 3_600_000),
        updatedAt: new Date(stays ? admitted + 9 * 3_600_000 : discharged + 15 * 3_600_000),
      };
      care.episodes.push(episode);
      care.substances.push({
        id: id(admitted + 10 * 3_600_000),
        episodeId,
        substanceClass: substance,
        route: pick.helpers.weightedArrayElement(routes[substance]),
        frequency:
          setting === 'maintenance_only'
            ? 'no_use_past_month'
            : pick.helpers.weightedArrayElement(frequencies),
        isPrimary: true,
        position: 0,
      });
      // Half of the stays that began in an intensive setting and lasted have stepped down since.
      const lower = stepDownTo[setting];
      const stepDownOn = admitted + pick.number.int({ min: 14, max: 40 }) * dayMs;
      if (stays && lower !== undefined && stepDownOn < asOfDay && pick.number.float() < 0.5) {
        const lowerLevel = asam(lower);
        care.levelChanges.push({
          id: id(stepDownOn + 11 * 3_600_000),
          episodeId,
          effectiveOn: isoDay(stepDownOn),
          direction: 'step_down',
          fromSetting: setting,
          fromAsamEdition: level.asamEdition,
          fromAsamLevel: level.asamLevel,
          setting: lower,
          ...lowerLevel,
          reason: 'Goals of the intensive phase met; continues at a lower level of care.',
        });
        episode.setting = lower;
        episode.asamEdition = lowerLevel.asamEdition;
        episode.asamLevel = lowerLevel.asamLevel;
      }
      if (stays) care.needsPrimaryTherapist = true;
      if (isLast) break;
      admitted = discharged + pick.number.int({ min: 30, max: 300 }) * dayMs;
      // Someone in treatment now was readmitted before today.
      if (ongoing && admitted >= asOfDay) {
        admitted = Math.max(discharged + dayMs, asOfDay - pick.number.int({ min: 1, max: 20 }) * dayMs);
      }
    }
    return care;
  };
}

/** Synthetic clinicians to be primary therapists, at example addresses, with what matching ranks on. */
export function syntheticTherapists(options: SyntheticCareOptions, count: number): SyntheticTherapist[] {
  const faker = new Faker({ locale: [en_US, en, base] });
  faker.seed([options.seed, options.firstMrnValue, 102]);
  return Array.from({ length: count }, (_, index) => {
    const gender = faker.helpers.weightedArrayElement<ClinicianGender>([
      { weight: 62, value: 'woman' },
      { weight: 35, value: 'man' },
      { weight: 3, value: 'non_binary' },
    ]);
    const sex = gender === 'woman' ? 'female' : gender === 'man' ? 'male' : undefined;
    const given = faker.person.firstName(sex);
    const family = faker.person.lastName();
    const credential = faker.helpers.arrayElement(['LCSW', 'LPC', 'LMFT', 'LCDC', 'CADC', 'LMHC']);
    const years = faker.number.int({ min: 1, max: 30 });
    const substances = faker.helpers.arrayElements(
      ['alcohol', 'opioids', 'other_stimulants', 'cannabis', 'cocaine'] as const,
      { min: 1, max: 4 },
    );
    return {
      displayName: `${given} ${family}, ${credential}`,
      email: `clinician.${options.seed}.${options.firstMrnValue}.${index + 1}@example.org`,
      jobRole: 'clinician',
      credentials: [credential],
      yearsAddictionExperience: years,
      approaches: faker.helpers.arrayElements(
        therapeuticApproaches.filter((approach) => approach !== 'medication_management'),
        { min: 2, max: 4 },
      ),
      languages:
        faker.number.float() < 0.25 ? ['en', 'es'] : faker.number.float() < 0.05 ? ['en', 'vi'] : ['en'],
      pronouns: gender === 'woman' ? 'she/her' : gender === 'man' ? 'he/him' : 'they/them',
      gender,
      maxCaseload: faker.number.int({ min: 18, max: 30 }),
      substanceExperience: Object.fromEntries(
        substances.map((substance) => [substance, faker.number.int({ min: 1, max: years })]),
      ),
      conditionExperience: faker.helpers.arrayElements(
        ['depression', 'anxiety', 'ptsd', 'chronic_pain'] as const,
        {
          min: 0,
          max: 3,
        },
      ),
    };
  });
}
