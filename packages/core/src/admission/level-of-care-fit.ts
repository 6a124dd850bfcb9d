import type { AsamFourthEditionLevel, AsamThirdEditionLevel, CareSetting } from './vocabulary.ts';

/**
 * The settings each ASAM level of care is delivered in. Source: The ASAM Criteria, 3rd edition (2013) and 4th
 * edition (2023), the level names themselves: levels 3.x and 4 are residential or inpatient (withdrawal
 * management 3.2-WM, 3.7-WM and 4-WM too); 2.5 is partial hospitalization (the 4th edition's "high-intensity
 * outpatient"); 2.1 is intensive outpatient; 2.7 (4th, medically managed intensive outpatient) and 2-WM (3rd,
 * ambulatory withdrawal management with extended on-site monitoring) run in intensive outpatient or partial
 * hospitalization programs; 0.5, 1.x, 1-WM and the opioid treatment program are outpatient, and the levels a
 * maintenance-only episode continues at are the opioid treatment program (3rd OTP, 4th 1.7) and ongoing
 * monitoring (3rd 1, 4th 1.0). Placement itself is the clinician's (ASAM's dimensional criteria are not here).
 */
export const asamThirdEditionSettings: Record<AsamThirdEditionLevel, readonly CareSetting[]> = {
  '0.5': ['outpatient'],
  OTP: ['outpatient', 'maintenance_only'],
  '1': ['outpatient', 'maintenance_only'],
  '2.1': ['intensive_outpatient'],
  '2.5': ['partial_hospitalization'],
  '3.1': ['inpatient_residential'],
  '3.3': ['inpatient_residential'],
  '3.5': ['inpatient_residential'],
  '3.7': ['inpatient_residential'],
  '4': ['inpatient_residential'],
  '1-WM': ['outpatient', 'intensive_outpatient'],
  '2-WM': ['intensive_outpatient', 'partial_hospitalization'],
  '3.2-WM': ['inpatient_residential'],
  '3.7-WM': ['inpatient_residential'],
  '4-WM': ['inpatient_residential'],
};

export const asamFourthEditionSettings: Record<AsamFourthEditionLevel, readonly CareSetting[]> = {
  '1.0': ['outpatient', 'maintenance_only'],
  '1.5': ['outpatient'],
  '1.7': ['outpatient', 'maintenance_only'],
  '2.1': ['intensive_outpatient'],
  '2.5': ['partial_hospitalization'],
  '2.7': ['intensive_outpatient', 'partial_hospitalization'],
  '3.1': ['inpatient_residential'],
  '3.5': ['inpatient_residential'],
  '3.7': ['inpatient_residential'],
  '4.0': ['inpatient_residential'],
};

/** The settings a level of care is delivered in; none for a code that is not a level of its edition. */
export function settingsForAsamLevel(edition: string, level: string): readonly CareSetting[] {
  const table: Record<string, readonly CareSetting[]> =
    edition === '3' ? asamThirdEditionSettings : edition === '4' ? asamFourthEditionSettings : {};
  return Object.hasOwn(table, level) ? (table[level] ?? []) : [];
}

/** A level of care refused for its setting: the level, the setting chosen and the settings it is delivered in. */
export interface LevelOfCareMisfit {
  path: 'asam.level';
  rule: 'levelOfCareMisfit';
  level: string;
  setting: CareSetting;
  fitting: readonly CareSetting[];
}

/**
 * Whether the level of care fits the setting; an episode with no ASAM level (not assessed) fits any setting.
 * Refused with the field named `asam.level`, the way the admission and level-of-care forms name it.
 */
export function levelOfCareMisfit(
  setting: CareSetting,
  asam: { edition: string; level: string } | null | undefined,
): LevelOfCareMisfit | undefined {
  if (asam === null || asam === undefined || asam.level === '') return undefined;
  const settings = settingsForAsamLevel(asam.edition, asam.level);
  if (settings.length === 0 || settings.includes(setting)) return undefined;
  return { path: 'asam.level', rule: 'levelOfCareMisfit', level: asam.level, setting, fitting: settings };
}
