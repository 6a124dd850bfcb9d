/**
 * The ICD-10-CM codes of categories F10-F19 (mental and behavioral disorders due to psychoactive substance use),
 * every category, subcategory and billable code of one release, with the official long descriptions. The data is
 * generated from the CDC/CMS release files (see README.md beside this file) and never edited by hand.
 */

import { type SubstanceClass, substanceClasses, substanceClassIcdCategory } from '../admission/vocabulary.ts';
import icd10cm from './icd10cm-f10-f19.json' with { type: 'json' };

export interface Diagnosis {
  /** The code as the Tabular List writes it, with the dot: F11.20 (a category has none: F11). */
  code: string;
  /** The official long description, exactly as published. */
  description: string;
  /** A code valid on a claim (a leaf). Categories and subcategories (F11, F11.2, F11.22) are not. */
  billable: boolean;
}

/** The release the list comes from. */
export const icd10cmRelease = {
  classification: icd10cm.classification,
  release: icd10cm.release,
  effectiveFrom: icd10cm.effectiveFrom,
  publisher: icd10cm.publisher,
  sourceFile: icd10cm.sourceFile,
} as const;

/** Every F10-F19 code of the release, headers and billable codes, in Tabular List order. */
export const substanceUseDiagnoses: readonly Diagnosis[] = Object.freeze(
  icd10cm.diagnoses.map((diagnosis) => Object.freeze({ ...diagnosis })),
);

const byPlainCode = new Map(
  substanceUseDiagnoses.map((diagnosis) => [diagnosis.code.replace('.', ''), diagnosis]),
);

/**
 * A code as typed, reduced to upper case without the dot (F11.20, f1120 and " F11.20 " are all F1120), or null
 * when it is not a well-formed ICD-10-CM code: a letter, a digit, a digit or letter, then up to four more, the
 * dot (if any) after the third.
 */
function plainCode(code: string): string | null {
  const match = /^([A-Z][0-9][0-9A-Z])(?:\.?([0-9A-Z]{1,4}))?$/.exec(code.trim().toUpperCase());
  return match ? `${match[1]}${match[2] ?? ''}` : null;
}

/**
 * Whether a code (with or without the dot, any case) is well formed and falls in categories F10-F19. This is
 * about the shape of the code only; `findDiagnosis` tells whether the release has it.
 */
export function isF10ToF19Code(code: string): boolean {
  return /^F1[0-9]/.test(plainCode(code) ?? '');
}

/** The F10-F19 code of the release, billable or header, written with or without the dot; undefined if it has none. */
export function findDiagnosis(code: string): Diagnosis | undefined {
  const plain = plainCode(code);
  return plain === null ? undefined : byPlainCode.get(plain);
}

const substanceClassByCategory = new Map<string, SubstanceClass>(
  substanceClasses.map((substanceClass) => [substanceClassIcdCategory[substanceClass], substanceClass]),
);

/**
 * The substance class of a diagnosis code, from its category (F10 alcohol, F11 opioids, ... F19 other
 * psychoactive substances), or null for a code outside F10-F19. Any well-formed code of the category maps,
 * including one this release does not have (a newer release's code still names its substance).
 */
export function substanceClassOfDiagnosis(code: string): SubstanceClass | null {
  return substanceClassByCategory.get(plainCode(code)?.slice(0, 3) ?? '') ?? null;
}
