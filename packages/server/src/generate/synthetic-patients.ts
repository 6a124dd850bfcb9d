import {
  base,
  de,
  en,
  en_IN,
  en_US,
  es,
  es_MX,
  Faker,
  fr,
  type LocaleDefinition,
  nl,
  pl,
  pt_BR,
  vi,
} from '@faker-js/faker';
import { UUID } from 'uuidv7';
import { formatMrn } from '../patients/mrn.ts';
import type { NewPatient } from '../patients/repository.ts';

/**
 * Synthetic patients for demos, load tests and benchmarks: plausible for a US treatment program (names from
 * several origins with their accents, adult ages skewed the way admissions are, a mostly local address), and a
 * pure function of its options: the same seed, count, first MRN and reference date give the same people,
 * ids included, on any machine.
 */
// Synthetic patients have no portal sign-in (userId).
export type SyntheticPatient = Required<
  Omit<NewPatient, 'organizationId' | 'searchName' | 'sortName' | 'version' | 'userId'>
> & {
  id: string;
  dateOfBirth: string;
  createdAt: Date;
  updatedAt: Date;
};

export interface SyntheticPatientOptions {
  seed: number;
  count: number;
  /** The first medical record number value (from mrn_sequences); part of the seed, so two runs never collide. */
  firstMrnValue: number;
  /** Ages and registration dates are counted back from here (fixed by default, for repeatable output). */
  asOf?: Date;
}

export const defaultAsOf = new Date('2026-01-01T00:00:00Z');

const dayMs = 86_400_000;
/** Registrations are spread over the three years before the reference date. */
const registrationSpanMs = 3 * 365 * dayMs;

type Sex = 'female' | 'male';

interface Origin {
  weight: number;
  locales: LocaleDefinition[];
  /** BCP 47 tags this group's patients prefer, weighted. */
  languages: [string, number][];
}

const origins: Origin[] = [
  { weight: 55, locales: [en_US, en], languages: [['en', 1]] },
  {
    weight: 20,
    locales: [es_MX, es],
    languages: [
      ['es', 45],
      ['en', 55],
    ],
  },
  {
    weight: 5,
    locales: [vi],
    languages: [
      ['vi', 40],
      ['en', 60],
    ],
  },
  {
    weight: 4,
    locales: [en_IN, en],
    languages: [
      ['en', 85],
      ['hi', 15],
    ],
  },
  {
    weight: 4,
    locales: [pt_BR],
    languages: [
      ['pt-BR', 35],
      ['en', 65],
    ],
  },
  {
    weight: 3,
    locales: [fr],
    languages: [
      ['fr', 20],
      ['en', 80],
    ],
  },
  {
    weight: 3,
    locales: [de],
    languages: [
      ['de', 10],
      ['en', 90],
    ],
  },
  {
    weight: 3,
    locales: [nl],
    languages: [
      ['nl', 10],
      ['en', 90],
    ],
  },
  {
    weight: 3,
    locales: [pl],
    languages: [
      ['pl', 25],
      ['en', 75],
    ],
  },
];

// People in treatment for a substance use disorder are mostly between 25 and 54.
const ageBands: { weight: number; value: [number, number] }[] = [
  { weight: 12, value: [18, 24] },
  { weight: 28, value: [25, 34] },
  { weight: 25, value: [35, 44] },
  { weight: 17, value: [45, 54] },
  { weight: 12, value: [55, 64] },
  { weight: 6, value: [65, 80] },
];

type GenderIdentity =
  | 'woman'
  | 'man'
  | 'non-binary'
  | 'transgender woman'
  | 'transgender man'
  | 'genderqueer';

const pronounsFor: Record<GenderIdentity, string> = {
  woman: 'she/her',
  man: 'he/him',
  'non-binary': 'they/them',
  'transgender woman': 'she/her',
  'transgender man': 'he/him',
  genderqueer: 'they/them',
};

const relationships = [
  { weight: 18, value: 'mother' },
  { weight: 8, value: 'father' },
  { weight: 14, value: 'spouse' },
  { weight: 14, value: 'partner' },
  { weight: 14, value: 'sibling' },
  { weight: 8, value: 'adult child' },
  { weight: 12, value: 'friend' },
  { weight: 4, value: 'sponsor' },
  { weight: 4, value: 'grandparent' },
  { weight: 4, value: 'aunt or uncle' },
];
const familyRelationships = new Set(['mother', 'father', 'sibling', 'adult child', 'grandparent']);

interface Locality {
  city: string;
  region: string;
  postalCode: string;
}

/** Yields `count` patients in MRN order. */
export function* syntheticPatients(options: SyntheticPatientOptions): Generator<SyntheticPatient> {
  const asOf = options.asOf ?? defaultAsOf;
  const seed = [options.seed, options.firstMrnValue];
  const pick = seeded([...seed, 0], [en_US, en, base]);
  const us = seeded([...seed, 1], [en_US, en, base]);
  const people = origins.map((origin, index) => seeded([...seed, 2 + index], [...origin.locales, en, base]));
  const originChoices = origins.map((origin, index) => ({ weight: origin.weight, value: index }));
  // A program serves an area: most patients live in a few dozen towns of its state, some come from afar.
  const localities: { weight: number; value: Locality }[] = Array.from({ length: 48 }, (_, index) => {
    const region = index < 36 ? 'OR' : us.location.state({ abbreviated: true });
    return {
      weight: index < 36 ? 36 - index : 1,
      value: { city: us.location.city(), region, postalCode: us.location.zipCode({ state: region }) },
    };
  });
  const streets = Array.from({ length: 400 }, () => us.location.street());

  const registrationStart = asOf.getTime() - registrationSpanMs;
  const slotMs = registrationSpanMs / Math.max(options.count, 1);
  for (let index = 0; index < options.count; index++) {
    const origin = pick.helpers.weightedArrayElement(originChoices);
    const person = people[origin] as Faker;
    const sexAssignedAtBirth = pick.helpers.weightedArrayElement([
      { weight: 410, value: 'female' as const },
      { weight: 570, value: 'male' as const },
      { weight: 3, value: 'intersex' as const },
      { weight: 17, value: 'unknown' as const },
    ]);
    const genderIdentity = chooseGenderIdentity(pick, sexAssignedAtBirth);
    const nameSex: Sex =
      genderIdentity === 'woman' || genderIdentity === 'transgender woman'
        ? 'female'
        : genderIdentity === 'man' || genderIdentity === 'transgender man'
          ? 'male'
          : sexAssignedAtBirth === 'female' || sexAssignedAtBirth === 'male'
            ? sexAssignedAtBirth
            : pick.helpers.arrayElement(['female', 'male'] as const);
    const legalGivenName = person.person.firstName(nameSex);
    const legalFamilyName = person.person.lastName(nameSex);
    const preferredName =
      pick.number.float() < 0.1 ? choosePreferredName(person, legalGivenName, nameSex) : null;

    const [youngest, oldest] = pick.helpers.weightedArrayElement(ageBands);
    const age = pick.number.int({ min: youngest, max: oldest });
    const lastBirthday = Date.UTC(asOf.getUTCFullYear() - age, asOf.getUTCMonth(), asOf.getUTCDate());
    const dateOfBirth = new Date(lastBirthday - pick.number.int({ min: 0, max: 364 }) * dayMs);

    const createdAtMs = Math.floor(registrationStart + index * slotMs + pick.number.float() * slotMs);
    const updatedAtMs =
      pick.number.float() < 0.7 ? createdAtMs : pick.number.int({ min: createdAtMs, max: asOf.getTime() });
    // Long-registered patients are more often discharged by now.
    const registeredFor = (asOf.getTime() - createdAtMs) / registrationSpanMs;
    const roll = pick.number.float();
    const status = roll < 0.01 ? 'deceased' : roll < 0.1 + 0.5 * registeredFor ? 'discharged' : 'active';
    // Some patients ask for a therapist of a gender (matching honours it as a preference).
    const preferredTherapistGender = pick.helpers.weightedArrayElement([
      { weight: 82, value: null },
      { weight: 12, value: 'woman' },
      { weight: 5, value: 'man' },
      { weight: 1, value: 'non_binary' },
    ]);

    const locality = pick.helpers.weightedArrayElement(localities);
    const hasEmergencyContact = pick.number.float() < 0.78;
    const relationship = hasEmergencyContact ? pick.helpers.weightedArrayElement(relationships) : null;
    const emergencyContactName =
      relationship === null
        ? null
        : familyRelationships.has(relationship) && pick.number.float() < 0.8
          ? `${person.person.firstName()} ${legalFamilyName}`
          : `${person.person.firstName()} ${person.person.lastName()}`;

    const patient = {
      id: UUID.fromFieldsV7(
        createdAtMs,
        pick.number.int({ max: 0xfff }),
        pick.number.int({ max: 0x3fffffff }),
        pick.number.int({ max: 0xffffffff }),
      ).toString(),
      mrn: formatMrn(options.firstMrnValue + index),
      legalGivenName,
      legalFamilyName,
      preferredName,
      pronouns: genderIdentity !== null && pick.number.float() < 0.85 ? pronounsFor[genderIdentity] : null,
      dateOfBirth: dateOfBirth.toISOString().slice(0, 10),
      sexAssignedAtBirth,
      genderIdentity,
      preferredLanguage: pick.helpers.weightedArrayElement(
        (origins[origin] as Origin).languages.map(([value, weight]) => ({ value, weight })),
      ),
      email:
        pick.number.float() < 0.8
          ? syntheticEmail(preferredName ?? legalGivenName, legalFamilyName, pick.number.int({ max: 999 }))
          : null,
      phone: pick.number.float() < 0.93 ? us.phone.number({ style: 'national' }) : null,
      addressLine1: `${us.location.buildingNumber()} ${pick.helpers.arrayElement(streets)}`,
      addressLine2: pick.number.float() < 0.15 ? us.location.secondaryAddress() : null,
      city: locality.city,
      region: locality.region,
      postalCode: locality.postalCode,
      country: 'US',
      emergencyContactName,
      emergencyContactPhone: relationship === null ? null : us.phone.number({ style: 'national' }),
      emergencyContactRelationship: relationship,
      status,
      preferredTherapistGender,
      createdAt: new Date(createdAtMs),
      updatedAt: new Date(updatedAtMs),
    };
    // No draw of its own (earlier seeds keep their patients): anyone who prefers another language than English is
    // recorded as needing an interpreter, as a registrar would when unsure.
    yield { ...patient, interpreterNeeded: patient.preferredLanguage !== 'en' };
  }
}

function seeded(seed: number[], locale: LocaleDefinition[]): Faker {
  const faker = new Faker({ locale });
  faker.seed(seed);
  return faker;
}

function chooseGenderIdentity(
  pick: Faker,
  sex: 'female' | 'male' | 'intersex' | 'unknown',
): GenderIdentity | null {
  if (sex === 'female' || sex === 'male') {
    const same = sex === 'female' ? 'woman' : 'man';
    const transgender = sex === 'female' ? 'transgender man' : 'transgender woman';
    return pick.helpers.weightedArrayElement<GenderIdentity | null>([
      { weight: 930, value: same },
      { weight: 15, value: transgender },
      { weight: 18, value: 'non-binary' },
      { weight: 5, value: 'genderqueer' },
      { weight: 32, value: null },
    ]);
  }
  return pick.helpers.weightedArrayElement<GenderIdentity | null>([
    { weight: 40, value: null },
    { weight: 25, value: 'woman' },
    { weight: 25, value: 'man' },
    { weight: 10, value: 'non-binary' },
  ]);
}

/** The name someone goes by: one part of a two-part given name (Maria Júlia, An Bình), or another name. */
function choosePreferredName(person: Faker, given: string, sex: Sex): string {
  const parts = given.split(' ');
  if (parts.length > 1) return parts.at(-1) as string;
  return person.person.firstName(sex);
}

/** Addresses at the reserved example domains (RFC 2606), in ASCII: synthetic people must not reach real ones. */
export function syntheticEmail(given: string, family: string, number: number): string {
  const ascii = (text: string) =>
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[đĐ]/g, 'd')
      .replace(/[łŁ]/g, 'l')
      .replace(/ß/g, 'ss')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '');
  const domain = ['example.com', 'example.org', 'example.net'][number % 3] as string;
  return `${ascii(given) || 'patient'}.${ascii(family) || 'example'}${number}@${domain}`;
}
