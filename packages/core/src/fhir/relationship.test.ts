import { describe, expect, it } from 'vitest';
import { relationshipConcept, relationshipRoleCoding } from './relationship.ts';
import { fhirCodeSystems } from './systems.ts';
import { hl7Display, isHl7Code } from './testing/r4.ts';

const clearWords = [
  ['Mother', 'MTH'],
  ['my mom', 'MTH'],
  ['Mum.', 'MTH'],
  ['Dad', 'FTH'],
  ['parent', 'PRN'],
  ['Step-mother', 'STPMTH'],
  ['step dad', 'STPFTH'],
  ['Spouse', 'SPS'],
  ['husband', 'HUSB'],
  ['WIFE', 'WIFE'],
  ['ex-wife', 'FMRSPS'],
  ['Domestic partner', 'DOMPART'],
  ['partner', 'SIGOTHR'],
  ['girlfriend', 'SIGOTHR'],
  ['sibling', 'SIB'],
  ['Brother', 'BRO'],
  ['sister', 'SIS'],
  ['half-brother', 'HSIB'],
  ['daughter', 'DAUC'],
  ['son', 'SONC'],
  ['child', 'CHILD'],
  ['Grandmother', 'GRMTH'],
  ['grandparent', 'GRPRN'],
  ['grandson', 'GRNDSON'],
  ['aunt', 'AUNT'],
  ['Uncle', 'UNCLE'],
  ['cousin', 'COUSN'],
  ['Mother-in-law', 'MTHINLAW'],
  ['legal guardian', 'GUARD'],
  ['Friend', 'FRND'],
  ['roommate', 'ROOM'],
  ['neighbour', 'NBOR'],
] as const;

describe('relationshipRoleCoding', () => {
  it.each(clearWords)('maps "%s" to v3 RoleCode %s', (words, code) => {
    expect(relationshipRoleCoding(words)).toMatchObject({ system: fhirCodeSystems.roleCode, code });
  });

  it('uses only codes of v3 RoleCode, each with its official display', () => {
    for (const [words] of clearWords) {
      const coding = relationshipRoleCoding(words);
      expect(coding && isHl7Code(fhirCodeSystems.roleCode, coding.code ?? '')).toBe(true);
      expect(coding?.display).toBe(hl7Display(fhirCodeSystems.roleCode, coding?.code ?? ''));
    }
  });

  it.each([
    'sponsor',
    'AA sponsor',
    'Mother (Jane)',
    'best friend from work',
    'counselor',
    'mother or father',
    '',
  ])('leaves "%s" uncoded', (words) => {
    expect(relationshipRoleCoding(words)).toBeUndefined();
  });
});

describe('relationshipConcept', () => {
  it('keeps the words as written beside the coding', () => {
    expect(relationshipConcept(' My Dad ')).toEqual({
      coding: [{ system: fhirCodeSystems.roleCode, code: 'FTH', display: 'father' }],
      text: 'My Dad',
    });
    expect(relationshipConcept('sponsor')).toEqual({ text: 'sponsor' });
    expect(relationshipConcept('   ')).toBeUndefined();
  });
});
