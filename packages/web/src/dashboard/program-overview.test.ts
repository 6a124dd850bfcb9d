import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { PatientSummary } from '../patients/api.ts';
import { monthStartLabel, programOverview } from './program-overview.ts';

let nextId = 0;
function inTreatment(currentEpisode: PatientSummary['currentEpisode']): PatientSummary {
  nextId += 1;
  return {
    id: `01900000-0000-7000-8000-${String(nextId).padStart(12, '0')}`,
    name: `Patient ${nextId}`,
    status: 'active',
    onMyCareTeam: false,
    currentEpisode,
  };
}

const episode = (
  admittedOn: string,
  setting: NonNullable<PatientSummary['currentEpisode']>['setting'],
  asam: { edition: '3' | '4'; level: string } | null = null,
) => ({ admittedOn, setting, asamEdition: asam?.edition ?? null, asamLevel: asam?.level ?? null });

describe('programOverview', () => {
  // The demo program on 2026-12-06 as its supervisor sees it: three patients of the supervised clinician, one
  // patient of another care team.
  const demo = [
    inTreatment(episode('2026-11-12', 'intensive_outpatient', { edition: '4', level: '2.1' })),
    inTreatment(episode('2026-12-01', 'partial_hospitalization', { edition: '3', level: '2.5' })),
    inTreatment(episode('2026-10-06', 'outpatient', { edition: '4', level: '1.0' })),
    inTreatment(undefined),
  ];

  it('counts the patients in treatment by level of care, in the order of settings', () => {
    const overview = programOverview({ items: demo, total: 4, totalIsExact: true }, '2026-12-06');
    expect(overview.inTreatment).toBe(4);
    expect(overview.byLevelOfCare).toEqual([
      { level: episode('2026-12-01', 'partial_hospitalization', { edition: '3', level: '2.5' }), count: 1 },
      { level: episode('2026-11-12', 'intensive_outpatient', { edition: '4', level: '2.1' }), count: 1 },
      { level: episode('2026-10-06', 'outpatient', { edition: '4', level: '1.0' }), count: 1 },
    ]);
  });

  it('counts a patient whose episode is another care team’s as such, never as a level of care', () => {
    const overview = programOverview({ items: demo, total: 4, totalIsExact: true }, '2026-12-06');
    expect(overview.levelNotShown).toBe(1);
    expect(overview.byLevelOfCare.reduce((sum, level) => sum + level.count, 0)).toBe(3);
  });

  it('counts admissions from the first day of the program’s month, that day included', () => {
    const overview = programOverview({ items: demo, total: 4, totalIsExact: true }, '2026-12-06');
    expect(overview.monthStart).toBe('2026-12-01');
    expect(overview.admittedThisMonth).toBe(1);
    const firstDay = programOverview({ items: demo, total: 4, totalIsExact: true }, '2026-12-01');
    expect(firstDay.admittedThisMonth).toBe(1);
  });

  it('merges patients at the same level and says how many were past the rows fetched', () => {
    const items = [
      inTreatment(episode('2026-12-02', 'outpatient')),
      inTreatment(episode('2026-12-03', 'outpatient')),
    ];
    const overview = programOverview({ items, total: 1000, totalIsExact: false }, '2026-12-06');
    expect(overview.byLevelOfCare).toEqual([{ level: episode('2026-12-02', 'outpatient'), count: 2 }]);
    expect(overview.notFetched).toBe(998);
    expect(overview.inTreatmentIsExact).toBe(false);
  });

  it('orders the levels of one setting by ASAM edition and level, the unassessed first', () => {
    const items = [
      inTreatment(episode('2026-12-02', 'outpatient', { edition: '4', level: '1.5' })),
      inTreatment(episode('2026-12-02', 'outpatient', { edition: '4', level: '1.0' })),
      inTreatment(episode('2026-12-02', 'outpatient')),
    ];
    const overview = programOverview({ items, total: 3, totalIsExact: true }, '2026-12-06');
    expect(overview.byLevelOfCare.map(({ level }) => level.asamLevel)).toEqual([null, '1.0', '1.5']);
  });

  it('says nothing is there when nobody is in treatment', () => {
    expect(programOverview({ items: [], total: 0, totalIsExact: true }, '2026-12-06')).toEqual({
      inTreatment: 0,
      inTreatmentIsExact: true,
      byLevelOfCare: [],
      levelNotShown: 0,
      notFetched: 0,
      monthStart: '2026-12-01',
      admittedThisMonth: 0,
    });
  });
});

describe('monthStartLabel', () => {
  it('names the day as written, in the reader’s language', () => {
    expect(monthStartLabel(createIntl({ locale: 'en', messages: {} }), '2026-12-01')).toBe('December 1');
    expect(monthStartLabel(createIntl({ locale: 'es', messages: {} }), '2026-12-01')).toBe('1 de diciembre');
  });
});
