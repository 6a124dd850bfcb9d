import { describe, expect, it } from 'vitest';
import { type ApproachSuggestionInput, approachSources, suggestApproaches } from './suggested-approaches.ts';

function input(overrides: Partial<ApproachSuggestionInput> = {}): ApproachSuggestionInput {
  return {
    substances: [{ substance: 'cannabis', primary: true }],
    coOccurring: [],
    supportContactsMayJoinFamilySessions: false,
    ...overrides,
  };
}

const approaches = (overrides: Partial<ApproachSuggestionInput> = {}) =>
  suggestApproaches(input(overrides)).map((suggestion) => suggestion.approach);

describe('suggestApproaches', () => {
  it('suggests MI and CBT for any substance use disorder, each with its source', () => {
    expect(suggestApproaches(input())).toEqual([
      {
        approach: 'motivational_interviewing',
        reason: 'substance use disorder: build motivation for change',
        source: approachSources.motivationalInterviewing,
        origin: 'admission',
      },
      {
        approach: 'cbt',
        reason: 'substance use disorder: coping skills and relapse prevention',
        source: approachSources.cbt,
        origin: 'admission',
      },
    ]);
  });

  it('suggests nothing from substances when none are recorded', () => {
    expect(approaches({ substances: [] })).toEqual([]);
  });

  it('suggests contingency management for cocaine or other stimulants, naming which', () => {
    const [cm] = suggestApproaches(
      input({
        substances: [
          { substance: 'cocaine', primary: true },
          { substance: 'other_stimulants', primary: false },
        ],
      }),
    ).filter((suggestion) => suggestion.approach === 'contingency_management');
    expect(cm?.reason).toBe(
      'cocaine and stimulant use: CM has the strongest evidence for stimulant use disorders',
    );
    expect(cm?.source).toContain('TIP 33');
    expect(approaches({ substances: [{ substance: 'alcohol', primary: true }] })).not.toContain(
      'contingency_management',
    );
  });

  it('refers opioid and alcohol use for medication, with TIP 63 for opioids', () => {
    const medication = (substances: ApproachSuggestionInput['substances']) =>
      suggestApproaches(input({ substances })).find((s) => s.approach === 'medication_management');
    expect(medication([{ substance: 'opioids', primary: true }])).toMatchObject({
      reason: 'opioid use: refer for medication (MOUD)',
      source: approachSources.moud,
    });
    expect(medication([{ substance: 'alcohol', primary: true }])?.reason).toBe(
      'alcohol use: refer for medication (MAUD)',
    );
    const both = medication([
      { substance: 'alcohol', primary: true },
      { substance: 'opioids', primary: false },
    ]);
    expect(both?.reason).toBe('opioid and alcohol use: refer for medication (MOUD and MAUD)');
    expect(both?.source).toBe(`${approachSources.moud}; ${approachSources.maud}`);
    expect(medication([{ substance: 'cannabis', primary: true }])).toBeUndefined();
  });

  it('suggests trauma-focused care for PTSD and DBT for a personality disorder', () => {
    expect(approaches({ coOccurring: ['ptsd', 'personality_disorder'] })).toEqual([
      'motivational_interviewing',
      'cbt',
      'trauma_focused',
      'dbt',
    ]);
    const trauma = suggestApproaches(input({ coOccurring: ['ptsd'] })).find(
      (s) => s.approach === 'trauma_focused',
    );
    expect(trauma?.source).toContain('TIP 57');
  });

  it('names co-occurring depression and anxiety in the CBT reason and cites TIP 42', () => {
    const cbt = suggestApproaches(input({ coOccurring: ['anxiety', 'depression'] })).find(
      (s) => s.approach === 'cbt',
    );
    expect(cbt?.reason).toBe(
      'substance use disorder with depression and anxiety: coping skills and relapse prevention',
    );
    expect(cbt?.source).toContain('TIP 42');
  });

  it('suggests family therapy only when loved ones may join family sessions', () => {
    expect(approaches({ supportContactsMayJoinFamilySessions: true })).toContain('family_therapy');
    expect(approaches()).not.toContain('family_therapy');
  });

  it('puts an assessment’s suggestions first and lets them win over a rule for the same approach', () => {
    const suggestions = suggestApproaches(
      input({
        coOccurring: ['ptsd'],
        assessmentSuggestedApproaches: [
          { approach: 'trauma_focused', reason: 'PCL-5 above the cut-off' },
          { approach: 'expressive' },
          { approach: 'expressive', reason: 'listed twice' },
        ],
      }),
    );
    expect(suggestions.map((s) => [s.approach, s.origin])).toEqual([
      ['trauma_focused', 'assessment'],
      ['expressive', 'assessment'],
      ['motivational_interviewing', 'admission'],
      ['cbt', 'admission'],
    ]);
    expect(suggestions[0]?.reason).toBe('PCL-5 above the cut-off');
    expect(suggestions[1]).toMatchObject({
      reason: 'suggested by the assessment',
      source: approachSources.assessment,
    });
  });

  it('suggests each approach once', () => {
    const all = approaches({
      substances: [
        { substance: 'opioids', primary: true },
        { substance: 'alcohol', primary: false },
        { substance: 'cocaine', primary: false },
      ],
      coOccurring: ['ptsd', 'personality_disorder', 'depression'],
      supportContactsMayJoinFamilySessions: true,
    });
    expect(all).toEqual([
      'motivational_interviewing',
      'cbt',
      'contingency_management',
      'medication_management',
      'trauma_focused',
      'dbt',
      'family_therapy',
    ]);
  });
});
