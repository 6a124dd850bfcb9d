import { describe, expect, it } from 'vitest';
import {
  defaultAsOf,
  type SyntheticPatient,
  syntheticEmail,
  syntheticPatients,
} from './synthetic-patients.ts';

const generate = (seed: number, count: number, firstMrnValue = 1) => [
  ...syntheticPatients({ seed, count, firstMrnValue }),
];

function ageOn(asOf: Date, dateOfBirth: string): number {
  const [year, month, day] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const hadBirthday =
    asOf.getUTCMonth() + 1 > month || (asOf.getUTCMonth() + 1 === month && asOf.getUTCDate() >= day);
  return asOf.getUTCFullYear() - year - (hadBirthday ? 0 : 1);
}

describe('syntheticPatients', () => {
  const patients = generate(2026, 3000);

  it('gives the same people for the same seed, ids and timestamps included', () => {
    expect(generate(2026, 3000)).toEqual(patients);
  });

  it('gives other people for another seed, or for a later block of record numbers', () => {
    const otherSeed = generate(2027, 50);
    const laterBlock = generate(2026, 50, 3001);
    for (const other of [otherSeed, laterBlock]) {
      const ids = new Set(patients.map((patient) => patient.id));
      expect(other.some((patient) => ids.has(patient.id))).toBe(false);
      expect(other.map((patient) => patient.legalFamilyName)).not.toEqual(
        patients.slice(0, 50).map((patient) => patient.legalFamilyName),
      );
    }
    expect(laterBlock[0]?.mrn).toBe('0003001');
  });

  it('numbers patients consecutively and registers them in that order', () => {
    expect(patients.map((patient) => patient.mrn)).toEqual(
      Array.from({ length: 3000 }, (_, index) => String(index + 1).padStart(7, '0')),
    );
    const created = patients.map((patient) => patient.createdAt.getTime());
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(Math.min(...created)).toBeGreaterThanOrEqual(defaultAsOf.getTime() - 3 * 365 * 86_400_000);
    expect(Math.max(...patients.map((patient) => patient.updatedAt.getTime()))).toBeLessThanOrEqual(
      defaultAsOf.getTime(),
    );
    expect(patients.every((patient) => patient.updatedAt >= patient.createdAt)).toBe(true);
  });

  it('makes UUIDv7 ids whose time is the registration time', () => {
    for (const patient of patients.slice(0, 200)) {
      expect(patient.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(Number.parseInt(patient.id.replaceAll('-', '').slice(0, 12), 16)).toBe(
        patient.createdAt.getTime(),
      );
    }
    expect(new Set(patients.map((patient) => patient.id)).size).toBe(patients.length);
  });

  it('makes adults between 18 and 80, most of them 25 to 54', () => {
    const ages = patients.map((patient) => ageOn(defaultAsOf, patient.dateOfBirth));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(18);
    expect(Math.max(...ages)).toBeLessThanOrEqual(80);
    const core = ages.filter((age) => age >= 25 && age <= 54).length / ages.length;
    expect(core).toBeGreaterThan(0.6);
    expect(patients.every((patient) => /^\d{4}-\d{2}-\d{2}$/.test(patient.dateOfBirth))).toBe(true);
  });

  it('draws names from several origins, accents and all', () => {
    const names = patients.map((patient) => `${patient.legalGivenName} ${patient.legalFamilyName}`);
    expect(names.filter((name) => /[^\p{ASCII}]/u.test(name)).length).toBeGreaterThan(300);
    expect(names.some((name) => name.includes('Nguyễn'))).toBe(true);
    const languages = new Set(patients.map((patient) => patient.preferredLanguage));
    expect([...languages]).toEqual(expect.arrayContaining(['en', 'es', 'vi']));
    // The migration's check: a BCP 47 tag.
    for (const language of languages) expect(language).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
  });

  it('keeps every value inside the constraints of the patients table', () => {
    const allowed = <K extends keyof SyntheticPatient>(key: K) =>
      new Set(patients.map((patient) => patient[key]));
    expect([...allowed('sexAssignedAtBirth')].sort()).toEqual(['female', 'intersex', 'male', 'unknown']);
    expect([...allowed('status')].sort()).toEqual(['active', 'deceased', 'discharged']);
    for (const patient of patients) {
      if (patient.email !== null) expect(patient.email).toMatch(/^[a-z0-9.]+@example\.(com|org|net)$/);
      expect(patient.legalGivenName.trim()).not.toBe('');
      expect(patient.legalFamilyName.trim()).not.toBe('');
      expect(patient.preferredName === null || patient.preferredName.trim() !== '').toBe(true);
      expect(patient.country).toBe('US');
    }
    const withContact = patients.filter((patient) => patient.emergencyContactName !== null);
    expect(withContact.length / patients.length).toBeGreaterThan(0.7);
    expect(withContact.every((patient) => patient.emergencyContactRelationship !== null)).toBe(true);
  });
});

describe('syntheticEmail', () => {
  it('spells accented names in ASCII at an example domain', () => {
    expect(syntheticEmail('Đức Anh', 'Nguyễn', 7)).toBe('ducanh.nguyen7@example.org');
    expect(syntheticEmail('Zoë', "O'Brien-Łukasiewicz", 9)).toBe('zoe.obrienlukasiewicz9@example.com');
  });
});
