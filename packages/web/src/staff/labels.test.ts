import { describe, expect, it } from 'vitest';
import { approachLabel, languageName, yearsText } from './labels.ts';

describe('approachLabel', () => {
  it('names known approaches and still reads unknown codes as words', () => {
    expect(approachLabel('motivational_interviewing')).toBe('Motivational interviewing');
    expect(approachLabel('somatic_experiencing')).toBe('Somatic experiencing');
  });
});

describe('languageName', () => {
  it('names BCP-47 tags in English and shows malformed tags as stored', () => {
    expect(languageName('es')).toBe('Spanish');
    expect(languageName('not a tag')).toBe('not a tag');
  });
});

describe('yearsText', () => {
  it('says year or years', () => {
    expect(yearsText(1)).toBe('1 year');
    expect(yearsText(0)).toBe('0 years');
  });
});
