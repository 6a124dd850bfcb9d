import { describe, expect, it } from 'vitest';
import { levelOfCareMisfit, settingsForAsamLevel } from './level-of-care-fit.ts';
import { asamFourthEditionLevels, asamThirdEditionLevels } from './vocabulary.ts';

describe('levelOfCareMisfit', () => {
  it('refuses an outpatient episode at ASAM 3.5, naming asam.level and the settings that fit', () => {
    const misfit = levelOfCareMisfit('outpatient', { edition: '4', level: '3.5' });
    expect(misfit).toEqual({
      path: 'asam.level',
      rule: 'levelOfCareMisfit',
      level: '3.5',
      setting: 'outpatient',
      fitting: ['inpatient_residential'],
    });
  });

  it('refuses a residential episode at an outpatient level', () => {
    expect(levelOfCareMisfit('inpatient_residential', { edition: '4', level: '1.5' })?.path).toBe(
      'asam.level',
    );
    expect(levelOfCareMisfit('inpatient_residential', { edition: '3', level: '0.5' })).toBeDefined();
  });

  it('accepts each setting at its own levels', () => {
    expect(levelOfCareMisfit('inpatient_residential', { edition: '4', level: '3.7' })).toBeUndefined();
    expect(levelOfCareMisfit('inpatient_residential', { edition: '3', level: '3.7-WM' })).toBeUndefined();
    expect(levelOfCareMisfit('partial_hospitalization', { edition: '4', level: '2.5' })).toBeUndefined();
    expect(levelOfCareMisfit('intensive_outpatient', { edition: '3', level: '2.1' })).toBeUndefined();
    expect(levelOfCareMisfit('outpatient', { edition: '3', level: 'OTP' })).toBeUndefined();
    expect(levelOfCareMisfit('maintenance_only', { edition: '4', level: '1.7' })).toBeUndefined();
  });

  it('refuses intensive outpatient at partial hospitalization level and a maintenance episode at 2.1', () => {
    expect(levelOfCareMisfit('intensive_outpatient', { edition: '4', level: '2.5' })).toBeDefined();
    expect(levelOfCareMisfit('maintenance_only', { edition: '4', level: '2.1' })).toBeDefined();
  });

  it('lets an episode with no ASAM level sit in any setting', () => {
    expect(levelOfCareMisfit('outpatient', null)).toBeUndefined();
    expect(levelOfCareMisfit('outpatient', { edition: '4', level: '' })).toBeUndefined();
  });

  it('places every level of both editions in at least one setting', () => {
    for (const level of Object.keys(asamThirdEditionLevels)) {
      expect(settingsForAsamLevel('3', level).length, level).toBeGreaterThan(0);
    }
    for (const level of Object.keys(asamFourthEditionLevels)) {
      expect(settingsForAsamLevel('4', level).length, level).toBeGreaterThan(0);
    }
    expect(settingsForAsamLevel('4', '3.3')).toEqual([]);
  });
});
