import { findDiagnosis } from '../diagnoses/catalog.ts';
import type { LocalDate } from '../time/local-date.ts';
import { type LevelOfCareMisfit, levelOfCareMisfit } from './level-of-care-fit.ts';
import { type CareSetting, isAsamLevel } from './vocabulary.ts';

/**
 * An admission as far as it is filled in: what the admission form holds ('' for a choice not made yet, NaN for
 * an age that is not a number) and what the API receives are both one.
 */
export interface AdmissionDraft {
  admittedOn: string;
  referralSource: string;
  setting: CareSetting | '';
  asam?: { edition: string; level: string } | null | undefined;
  substances: readonly {
    substanceClass: string;
    route: string;
    frequency: string;
    isPrimary: boolean;
    ageOfFirstUse?: number | null | undefined;
  }[];
  diagnoses: readonly { code: string; isPrimary: boolean }[];
}

/** The lists of an admission that need exactly one primary entry. */
export type PrimaryOf = 'substance' | 'diagnosis';

/**
 * What is wrong with one field of an admission (`path` as the API names it): a rule and its values, never
 * words. Each reader words it in their language: the web app in the person's, the server's API answer in
 * English (packages/server/src/admission/admission-problems.ts).
 */
export type AdmissionProblem =
  | { path: string; rule: 'admittedOnMissing' }
  | { path: string; rule: 'admittedOnAfterToday'; today: string }
  | { path: string; rule: 'referralSourceMissing' }
  | { path: string; rule: 'settingMissing' }
  | { path: string; rule: 'asamLevelNotOfEdition' }
  | LevelOfCareMisfit
  | { path: string; rule: 'substancesMissing' }
  | { path: string; rule: 'primaryNotMarked'; of: PrimaryOf }
  | { path: string; rule: 'primaryMarkedMoreThanOnce'; of: PrimaryOf }
  | { path: string; rule: 'substanceClassMissing' }
  | { path: string; rule: 'substanceListedTwice' }
  | { path: string; rule: 'routeMissing' }
  | { path: string; rule: 'frequencyMissing' }
  | { path: string; rule: 'ageOfFirstUseOutOfRange'; min: number; max: number }
  | { path: string; rule: 'diagnosisNotSubstanceUse' }
  | { path: string; rule: 'diagnosisIsCategory'; code: string }
  | { path: string; rule: 'diagnosisListedTwice' };

export type AdmissionRule = AdmissionProblem['rule'];

/**
 * One primary among several (the primary substance, the primary diagnosis). A single entry is primary by
 * itself; several need exactly one marked. Returns the index of the primary, or the problem.
 */
export function primaryIndex(
  entries: readonly { isPrimary: boolean }[],
  path: string,
  of: PrimaryOf,
): { index: number } | { error: AdmissionProblem } {
  if (entries.length === 1) return { index: 0 };
  const marked = entries.flatMap((entry, index) => (entry.isPrimary ? [index] : []));
  if (marked.length === 1) return { index: marked[0] as number };
  return {
    error: { path, rule: marked.length === 0 ? 'primaryNotMarked' : 'primaryMarkedMoreThanOnce', of },
  };
}

/** The catalogue's entry of a code that may go on a record (billable, F10-F19), or the problem. */
export function billableDiagnosis(
  code: string,
  path: string,
): { code: string; description: string } | { error: AdmissionProblem } {
  const diagnosis = findDiagnosis(code);
  if (diagnosis === undefined) return { error: { path, rule: 'diagnosisNotSubstanceUse' } };
  if (!diagnosis.billable) return { error: { path, rule: 'diagnosisIsCategory', code: diagnosis.code } };
  return { code: diagnosis.code, description: diagnosis.description };
}

/** The youngest and oldest age of first use an admission records. */
export const ageOfFirstUseRange = { min: 0, max: 120 } as const;

/**
 * What is wrong with an admission, field by field (paths as the API names them: `substances.1.route`,
 * `asam.level`), judged against the program's today. The admission form runs it before sending; the server
 * runs it again on what it receives.
 */
export function validateAdmission(admission: AdmissionDraft, today: LocalDate): AdmissionProblem[] {
  const problems: AdmissionProblem[] = [];
  const problem = (found: AdmissionProblem) => problems.push(found);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(admission.admittedOn))
    problem({ path: 'admittedOn', rule: 'admittedOnMissing' });
  else if (admission.admittedOn > today) problem({ path: 'admittedOn', rule: 'admittedOnAfterToday', today });
  if (admission.referralSource === '') problem({ path: 'referralSource', rule: 'referralSourceMissing' });
  if (admission.setting === '') problem({ path: 'setting', rule: 'settingMissing' });
  const asam = admission.asam;
  if (asam !== null && asam !== undefined && asam.level !== '') {
    if (!isAsamLevel(asam.edition, asam.level))
      problem({ path: 'asam.level', rule: 'asamLevelNotOfEdition' });
    else if (admission.setting !== '') {
      const misfit = levelOfCareMisfit(admission.setting, asam);
      if (misfit !== undefined) problem(misfit);
    }
  }

  if (admission.substances.length === 0) problem({ path: 'substances', rule: 'substancesMissing' });
  else {
    const primary = primaryIndex(admission.substances, 'substances', 'substance');
    if ('error' in primary) problem(primary.error);
  }
  const seen = new Set<string>();
  admission.substances.forEach((substance, index) => {
    const path = `substances.${index}`;
    if (substance.substanceClass === '')
      problem({ path: `${path}.substanceClass`, rule: 'substanceClassMissing' });
    else if (seen.has(substance.substanceClass))
      problem({ path: `${path}.substanceClass`, rule: 'substanceListedTwice' });
    seen.add(substance.substanceClass);
    if (substance.route === '') problem({ path: `${path}.route`, rule: 'routeMissing' });
    if (substance.frequency === '') problem({ path: `${path}.frequency`, rule: 'frequencyMissing' });
    const age = substance.ageOfFirstUse;
    const { min, max } = ageOfFirstUseRange;
    if (age !== null && age !== undefined && !(Number.isInteger(age) && age >= min && age <= max)) {
      problem({ path: `${path}.ageOfFirstUse`, rule: 'ageOfFirstUseOutOfRange', min, max });
    }
  });

  if (admission.diagnoses.length > 0) {
    const primary = primaryIndex(admission.diagnoses, 'diagnoses', 'diagnosis');
    if ('error' in primary) problem(primary.error);
  }
  const codes = new Set<string>();
  admission.diagnoses.forEach((diagnosis, index) => {
    const found = billableDiagnosis(diagnosis.code, `diagnoses.${index}.code`);
    if ('error' in found) problem(found.error);
    else if (codes.has(found.code))
      problem({ path: `diagnoses.${index}.code`, rule: 'diagnosisListedTwice' });
    else codes.add(found.code);
  });
  return problems;
}
