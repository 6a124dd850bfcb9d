import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.ts';
import {
  type MatchingPatient,
  type MatchingSettings,
  rankTherapists,
  type TherapistCandidate,
  type TherapistSuggestion,
} from './rank-therapists.ts';
import { suggestApproaches } from './suggested-approaches.ts';

const settings: MatchingSettings = { defaultMaxCaseload: 20 };

function candidate(
  overrides: Partial<TherapistCandidate> & Pick<TherapistCandidate, 'staffMemberId' | 'displayName'>,
): TherapistCandidate {
  return {
    approaches: ['motivational_interviewing', 'cbt'],
    yearsAddictionExperience: 5,
    substanceExperienceYears: {},
    conditionExperience: [],
    languages: ['en'],
    gender: null,
    currentCaseload: 10,
    maxCaseload: null,
    active: true,
    ...overrides,
  };
}

function patient(overrides: Partial<MatchingPatient> = {}): MatchingPatient {
  return {
    suggestedApproaches: [{ approach: 'motivational_interviewing', reason: 'substance use disorder' }],
    substances: [{ substance: 'opioids', primary: true }],
    coOccurring: [],
    preferredLanguage: 'en',
    preferences: {},
    earlierTherapistIds: [],
    ...overrides,
  };
}

const order = (suggestions: TherapistSuggestion[]) => suggestions.map((s) => s.staffMemberId);
const find = (suggestions: TherapistSuggestion[], id: string) => {
  const found = suggestions.find((s) => s.staffMemberId === id);
  if (found === undefined) throw new Error(`no suggestion for ${id}`);
  return found;
};

describe('rankTherapists', () => {
  it('ranks a Spanish-speaking, trauma-focused clinician with opioid experience above a more experienced English-only one', () => {
    const admission = {
      substances: [{ substance: 'opioids', primary: true }],
      coOccurring: ['ptsd'],
    } as const;
    const maria = patient({
      ...admission,
      suggestedApproaches: suggestApproaches({ ...admission, supportContactsMayJoinFamilySessions: false }),
      preferredLanguage: 'es-MX',
    });
    const lucia = candidate({
      staffMemberId: 'lucia',
      displayName: 'Lucía Ortega',
      approaches: ['motivational_interviewing', 'cbt', 'trauma_focused'],
      yearsAddictionExperience: 9,
      substanceExperienceYears: { opioids: 8 },
      conditionExperience: ['ptsd'],
      languages: ['en', 'es'],
      currentCaseload: 14,
    });
    const robert = candidate({
      staffMemberId: 'robert',
      displayName: 'Robert Hale',
      approaches: ['motivational_interviewing', 'cbt', 'trauma_focused', 'medication_management'],
      yearsAddictionExperience: 25,
      substanceExperienceYears: { opioids: 15, alcohol: 20 },
      conditionExperience: ['ptsd', 'depression'],
      languages: ['en'],
      currentCaseload: 5,
    });

    const { suggestions, notes } = rankTherapists(maria, [robert, lucia], settings);

    expect(order(suggestions)).toEqual(['lucia', 'robert']);
    expect(find(suggestions, 'lucia')).toMatchObject({
      rank: 1,
      available: true,
      score: 83,
      reasons: [
        'offers MI, CBT, and trauma-focused therapy',
        '8 years opioid experience',
        'experienced with PTSD',
        'speaks Spanish',
        '14/20 caseload',
      ],
      concerns: ['does not offer medication management'],
    });
    expect(find(suggestions, 'robert')).toMatchObject({
      rank: 2,
      score: 70,
      concerns: ['does not speak Spanish'],
    });
    // Lucía speaks Spanish, so no interpreter; nobody available lacks an approach Robert offers.
    expect(notes).toEqual([]);
  });

  it('writes reasons in the short form of the requirement', () => {
    const { suggestions } = rankTherapists(
      patient({ preferredLanguage: 'es' }),
      [
        candidate({
          staffMemberId: 'a',
          displayName: 'Ana Ruiz',
          substanceExperienceYears: { opioids: 8 },
          languages: ['en', 'es-MX'],
          currentCaseload: 14,
        }),
      ],
      settings,
    );
    expect(suggestions[0]?.reasons.join('; ')).toBe(
      'offers MI; 8 years opioid experience; speaks Spanish; 14/20 caseload',
    );
  });

  it('lists a clinician with a full caseload last, unavailable, and says why', () => {
    const best = candidate({
      staffMemberId: 'full',
      displayName: 'Best Fit',
      substanceExperienceYears: { opioids: 10 },
      yearsAddictionExperience: 20,
      currentCaseload: 20,
    });
    const ownLimit = candidate({
      staffMemberId: 'own',
      displayName: 'Own Limit',
      currentCaseload: 13,
      maxCaseload: 12,
    });
    const closed = candidate({
      staffMemberId: 'closed',
      displayName: 'Closed',
      currentCaseload: 2,
      acceptsNewPatients: false,
    });
    const weak = candidate({
      staffMemberId: 'weak',
      displayName: 'Weaker Fit',
      approaches: [],
      currentCaseload: 19,
    });

    const { suggestions, notes } = rankTherapists(patient(), [best, ownLimit, closed, weak], settings);

    expect(order(suggestions)).toEqual(['weak', 'full', 'closed', 'own']);
    expect(suggestions.map((s) => s.available)).toEqual([true, false, false, false]);
    expect(find(suggestions, 'full').score).toBeGreaterThan(find(suggestions, 'weak').score);
    expect(find(suggestions, 'full').concerns[0]).toBe('caseload full (20/20)');
    expect(find(suggestions, 'full').reasons).not.toContain('20/20 caseload');
    expect(find(suggestions, 'own').concerns[0]).toBe('caseload over capacity (13/12)');
    expect(find(suggestions, 'own').caseload).toEqual({ current: 13, max: 12 });
    expect(find(suggestions, 'closed').concerns[0]).toBe('not accepting new patients');
    expect(notes).toEqual(['no available clinician offers MI']);

    const everyoneFull = rankTherapists(patient(), [best, ownLimit], settings);
    expect(everyoneFull.suggestions.every((s) => !s.available)).toBe(true);
    expect(everyoneFull.notes).toEqual([
      'no clinician has room for a new patient: any choice goes over a caseload limit',
      'no available clinician offers MI',
    ]);
  });

  it('weighs a gender preference heavily without excluding anyone, and says when it is not met', () => {
    const prefersWoman = patient({ preferences: { therapistGender: 'woman' } });
    const opioids = { opioids: 5 };
    const woman = candidate({
      staffMemberId: 'w',
      displayName: 'Wendy',
      gender: 'woman',
      substanceExperienceYears: opioids,
    });
    const man = candidate({
      staffMemberId: 'm',
      displayName: 'Mark',
      gender: 'man',
      substanceExperienceYears: opioids,
      yearsAddictionExperience: 10,
    });
    const unknown = candidate({
      staffMemberId: 'u',
      displayName: 'Uma',
      gender: null,
      substanceExperienceYears: opioids,
    });

    const { suggestions, notes } = rankTherapists(prefersWoman, [man, unknown, woman], settings);

    expect(order(suggestions)).toEqual(['w', 'm', 'u']);
    expect(find(suggestions, 'w').reasons).toContain('a woman therapist, as the patient prefers');
    expect(find(suggestions, 'm')).toMatchObject({
      available: true,
      concerns: ['patient prefers a woman therapist'],
    });
    expect(find(suggestions, 'u').concerns).toEqual([
      'gender not recorded; patient prefers a woman therapist',
    ]);
    const gender = (id: string) => find(suggestions, id).factors.find((f) => f.factor === 'gender');
    expect(gender('w')).toEqual({ factor: 'gender', points: 15, maxPoints: 15 });
    expect(gender('m')?.points).toBe(0);
    expect(notes).toEqual([]);

    const noWoman = rankTherapists(prefersWoman, [man, unknown], settings);
    expect(noWoman.suggestions).toHaveLength(2);
    expect(noWoman.notes).toEqual([
      'no available clinician is a woman therapist: talk the preference through with the patient',
    ]);
  });

  it('favours the therapist of the most recent earlier episode, then older ones', () => {
    const returning = patient({ earlierTherapistIds: ['b', 'a', 'gone'] });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => candidate({ staffMemberId: id, displayName: 'Same Name' }));
    if (a === undefined || b === undefined || c === undefined) throw new Error('fixture');

    const { suggestions } = rankTherapists(returning, [a, b, c], settings);

    expect(order(suggestions)).toEqual(['b', 'a', 'c']);
    expect(find(suggestions, 'b').reasons).toContain('saw this patient in an earlier episode');
    const continuity = (id: string) => find(suggestions, id).factors.find((f) => f.factor === 'continuity');
    expect(continuity('b')).toEqual({ factor: 'continuity', points: 10, maxPoints: 10 });
    expect(continuity('a')?.points).toBe(5);
    expect(continuity('c')?.points).toBe(0);

    // When nobody on the list saw the patient, continuity is not a factor at all.
    const { suggestions: others } = rankTherapists(returning, [c], settings);
    expect(others[0]?.factors.map((f) => f.factor)).not.toContain('continuity');
  });

  it('gives the same list whatever order the candidates come in', () => {
    const candidates = [
      candidate({ staffMemberId: 'id-3', displayName: 'Zoë Adams' }),
      candidate({ staffMemberId: 'id-1', displayName: 'Ávila Cruz' }),
      candidate({ staffMemberId: 'id-2', displayName: 'Ávila Cruz' }),
      candidate({ staffMemberId: 'id-4', displayName: 'Bea Long', currentCaseload: 4 }),
      candidate({ staffMemberId: 'id-5', displayName: 'Cy Full', currentCaseload: 20 }),
      candidate({ staffMemberId: 'id-6', displayName: 'Di Fit', substanceExperienceYears: { opioids: 3 } }),
      candidate({ staffMemberId: 'id-7', displayName: 'Gone', active: false }),
    ];
    const permutations = [
      candidates,
      [...candidates].reverse(),
      [...candidates.slice(3), ...candidates.slice(0, 3)],
      [
        candidates[4],
        candidates[1],
        candidates[6],
        candidates[0],
        candidates[5],
        candidates[3],
        candidates[2],
      ],
    ].map((list) => list.filter((item): item is TherapistCandidate => item !== undefined));

    const results = permutations.map((list) => rankTherapists(patient(), list, settings));

    for (const result of results) expect(result).toEqual(results[0]);
    // Score first, then the lighter caseload, then name (Á sorts with A), then id.
    expect(order(results[0]?.suggestions ?? [])).toEqual(['id-6', 'id-4', 'id-1', 'id-2', 'id-3', 'id-5']);
    expect(results[0]?.suggestions.map((s) => s.rank)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('lets the program override the weights', () => {
    const spanish = patient({
      preferredLanguage: 'es',
      suggestedApproaches: [
        { approach: 'motivational_interviewing', reason: 'substance use disorder' },
        { approach: 'cbt', reason: 'substance use disorder' },
      ],
    });
    const speaksSpanish = candidate({
      staffMemberId: 'es',
      displayName: 'Elena',
      languages: ['es'],
      approaches: ['cbt'],
    });
    const offersMi = candidate({ staffMemberId: 'mi', displayName: 'Mike', languages: ['en'] });

    expect(order(rankTherapists(spanish, [offersMi, speaksSpanish], settings).suggestions)).toEqual([
      'es',
      'mi',
    ]);

    const approachesFirst = rankTherapists(spanish, [offersMi, speaksSpanish], {
      ...settings,
      weights: { approaches: 60, language: 5 },
    });
    expect(order(approachesFirst.suggestions)).toEqual(['mi', 'es']);
    const factors = find(approachesFirst.suggestions, 'mi').factors;
    expect(factors.find((f) => f.factor === 'approaches')).toEqual({
      factor: 'approaches',
      points: 60,
      maxPoints: 60,
    });
    expect(factors.find((f) => f.factor === 'language')).toEqual({
      factor: 'language',
      points: 0,
      maxPoints: 5,
    });
  });

  it('scores only the factors that apply, from 0 to 100', () => {
    const perfect = candidate({
      staffMemberId: 'p',
      displayName: 'Perfect',
      substanceExperienceYears: { opioids: 5 },
      yearsAddictionExperience: 10,
      currentCaseload: 0,
    });
    const { suggestions } = rankTherapists(patient(), [perfect], settings);
    expect(suggestions[0]?.score).toBe(100);
    // An English-speaking patient with no conditions, preference or history: no language, gender, condition or
    // continuity factor.
    expect(suggestions[0]?.factors.map((f) => f.factor)).toEqual([
      'approaches',
      'substances',
      'addictionExperience',
      'caseload',
    ]);

    const { suggestions: zero } = rankTherapists(
      patient({ preferredLanguage: 'vi' }),
      [
        candidate({
          staffMemberId: 'z',
          displayName: 'Zero',
          approaches: [],
          yearsAddictionExperience: 0,
          currentCaseload: 20,
        }),
      ],
      settings,
    );
    expect(zero[0]?.score).toBe(0);
  });

  it('counts the primary substance twice and shows general experience only without substance experience', () => {
    const polysubstance = patient({
      substances: [
        { substance: 'alcohol', primary: false },
        { substance: 'opioids', primary: true },
      ],
    });
    const { suggestions } = rankTherapists(
      polysubstance,
      [
        candidate({ staffMemberId: 'alc', displayName: 'Al', substanceExperienceYears: { alcohol: 1 } }),
        candidate({ staffMemberId: 'none', displayName: 'Nell', yearsAddictionExperience: 12 }),
      ],
      settings,
    );
    expect(find(suggestions, 'alc').reasons).toContain('1 year alcohol experience');
    expect(find(suggestions, 'alc').concerns).toContain('no recorded opioid experience');
    expect(find(suggestions, 'alc').reasons).not.toContain('5 years in addiction treatment');
    expect(find(suggestions, 'none').reasons).toContain('12 years in addiction treatment');
    // 1 of 5 years for a substance weighted 1 of 3.
    expect(find(suggestions, 'alc').factors.find((f) => f.factor === 'substances')?.points).toBe(0.7);
  });

  it('notes when nobody available speaks the patient’s language, so an interpreter is arranged', () => {
    const vietnamese = patient({ preferredLanguage: 'vi-VN' });
    const onlySpeakerIsFull = candidate({
      staffMemberId: 'v',
      displayName: 'Vy',
      languages: ['vi'],
      currentCaseload: 20,
    });
    const { suggestions, notes } = rankTherapists(
      vietnamese,
      [onlySpeakerIsFull, candidate({ staffMemberId: 'e', displayName: 'Ed' })],
      settings,
    );
    expect(notes).toEqual(['no available clinician speaks Vietnamese: arrange an interpreter']);
    expect(find(suggestions, 'e').concerns).toEqual([
      'does not speak Vietnamese',
      'no recorded opioid experience',
    ]);
    expect(find(suggestions, 'v').reasons).toContain('speaks Vietnamese');
  });

  it('treats the program language as spoken by everyone', () => {
    const { suggestions } = rankTherapists(
      patient({ preferredLanguage: 'es' }),
      [candidate({ staffMemberId: 'a', displayName: 'Ana', languages: [] })],
      { ...settings, programLanguage: 'es-US' },
    );
    expect(suggestions[0]?.factors.map((f) => f.factor)).not.toContain('language');
    expect(suggestions[0]?.concerns).not.toContain('does not speak Spanish');
  });

  it('returns no suggestions and a note when there are no active candidates', () => {
    expect(rankTherapists(patient(), [], settings)).toEqual({
      suggestions: [],
      notes: ['no active clinicians to suggest'],
    });
    const inactive = candidate({ staffMemberId: 'x', displayName: 'Retired', active: false });
    expect(rankTherapists(patient(), [inactive], settings)).toEqual({
      suggestions: [],
      notes: ['no active clinicians to suggest'],
    });
  });

  it('rejects invalid settings and a clinician listed twice', () => {
    const one = candidate({ staffMemberId: 'a', displayName: 'A' });
    const attempt = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error;
      }
      return undefined;
    };
    const badSettings = attempt(() =>
      rankTherapists(patient(), [one, one], { defaultMaxCaseload: -1, weights: { language: Number.NaN } }),
    );
    expect(badSettings).toBeInstanceOf(DomainError);
    expect((badSettings as DomainError).code).toBe('invalid_input');
    expect((badSettings as DomainError).fieldErrors.map((e) => e.path)).toEqual([
      'settings.defaultMaxCaseload',
      'settings.weights.language',
      'candidates.1.staffMemberId',
    ]);
  });
});
