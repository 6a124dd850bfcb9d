import { describe, expect, it } from 'vitest';
import { searchDiagnoses } from './search.ts';

const codes = (query: string, options?: Parameters<typeof searchDiagnoses>[1]) =>
  searchDiagnoses(query, options).map((diagnosis) => diagnosis.code);

describe('searchDiagnoses by code', () => {
  it('puts the exact code first, then the codes under it in Tabular List order', () => {
    const results = codes('F11.2', { limit: 100 });
    expect(results.slice(0, 5)).toEqual(['F11.2', 'F11.20', 'F11.21', 'F11.22', 'F11.220']);
    expect(results).toHaveLength(19);
    expect(results.every((code) => code.startsWith('F11.2'))).toBe(true);
  });

  it('reads the code without the dot and in lower case', () => {
    expect(codes('f112', { limit: 100 })).toEqual(codes('F11.2', { limit: 100 }));
    expect(codes('f1120')).toEqual(['F11.20']);
    expect(codes('F11.')).toEqual(codes('F11'));
  });

  it('returns just the code when it has nothing under it', () => {
    expect(codes('F17.210')).toEqual(['F17.210']);
  });

  it('matches a code prefix that is not itself a code', () => {
    expect(codes('F1', { limit: 3 })).toEqual(['F10', 'F10.1', 'F10.10']);
    expect(codes('F11.22')).toEqual(['F11.22', 'F11.220', 'F11.221', 'F11.222', 'F11.229']);
  });

  it('leaves out headers when only billable codes are wanted', () => {
    expect(codes('F11.2', { billableOnly: true, limit: 4 })).toEqual([
      'F11.20',
      'F11.21',
      'F11.220',
      'F11.221',
    ]);
  });

  it('finds nothing for codes outside F10-F19', () => {
    expect(codes('F20')).toEqual([]);
    expect(codes('E11.9')).toEqual([]);
  });
});

describe('searchDiagnoses by words', () => {
  it('matches every word in any order, shorter descriptions first', () => {
    expect(codes('opioid withdrawal')).toEqual(['F11.13', 'F11.23', 'F11.93']);
    expect(codes('withdrawal opioid')).toEqual(['F11.13', 'F11.23', 'F11.93']);
  });

  it('needs every word: one that matches nothing empties the result', () => {
    expect(codes('alcohol dependence remission')).toEqual(['F10.21']);
    expect(codes('opioid cigarettes')).toEqual([]);
  });

  it('matches the start of a word, not its middle', () => {
    expect(codes('opi dep unc')[0]).toBe('F11.20');
    expect(codes('pioid')).toEqual([]);
    expect(codes('tobacco chew', { billableOnly: true })).toEqual([
      'F17.221',
      'F17.220',
      'F17.223',
      'F17.228',
      'F17.229',
    ]);
  });

  it('ignores case and accents', () => {
    expect(codes('OPIOÏD Withdrawal')).toEqual(codes('opioid withdrawal'));
    expect(codes('cannabís abúse', { limit: 100 })).toEqual(codes('cannabis abuse', { limit: 100 }));
  });

  it('ranks whole-word matches above prefix-only ones', () => {
    // "in" is a whole word in "in remission" but only the start of "intoxication" and "induced": the three
    // remission codes come first although "Cannabis abuse with intoxication" is shorter than two of them.
    expect(codes('cannabis in', { limit: 4 })).toEqual(['F12.11', 'F12.21', 'F12.91', 'F12.12']);
  });

  it('orders equal matches by description length, then Tabular List order', () => {
    const results = searchDiagnoses('alcohol withdrawal', { limit: 100 });
    expect(results.map((diagnosis) => diagnosis.code).slice(0, 4)).toEqual([
      'F10.13',
      'F10.23',
      'F10.131',
      'F10.93',
    ]);
    const lengths = results.map((diagnosis) => diagnosis.description.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it('narrows by a code among the words', () => {
    expect(codes('F17 cigarettes withdrawal')).toEqual(['F17.213']);
    expect(codes('withdrawal f19.2', { billableOnly: true })).toEqual([
      'F19.231',
      'F19.239',
      'F19.230',
      'F19.232',
    ]);
  });

  it('treats punctuation and hyphens as word breaks', () => {
    expect(codes('opioid-induced sleep')).toEqual(['F11.182', 'F11.282', 'F11.982']);
    expect(codes('nicotine, cigarettes, uncomplicated')).toEqual(['F17.210']);
  });
});

describe('searchDiagnoses limits', () => {
  it('returns at most 20 by default, or the limit asked', () => {
    expect(searchDiagnoses('alcohol')).toHaveLength(20);
    expect(searchDiagnoses('alcohol', { limit: 5 })).toHaveLength(5);
    expect(searchDiagnoses('alcohol', { limit: 1000 })).toHaveLength(74);
    expect(searchDiagnoses('alcohol', { limit: 0 })).toEqual([]);
  });

  it('returns nothing for an empty query or one that matches nothing', () => {
    expect(searchDiagnoses('')).toEqual([]);
    expect(searchDiagnoses('   ')).toEqual([]);
    expect(searchDiagnoses('xyzzy')).toEqual([]);
    // Punctuation alone is no query, not a match for everything.
    expect(searchDiagnoses('-')).toEqual([]);
    expect(searchDiagnoses('( / )')).toEqual([]);
  });
});
