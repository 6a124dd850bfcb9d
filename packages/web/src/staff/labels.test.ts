import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { approachLabel, languageName, yearsText } from './labels.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('approachLabel', () => {
  it('names known approaches and still reads unknown codes as words', () => {
    expect(approachLabel(intl, 'motivational_interviewing')).toBe('Motivational interviewing');
    expect(approachLabel(intl, 'somatic_experiencing')).toBe('Somatic experiencing');
  });
});

describe('languageName', () => {
  it('names BCP-47 tags in the reader’s language and shows malformed tags as stored', () => {
    expect(languageName(intl, 'es')).toBe('Spanish');
    expect(languageName(createIntl({ locale: 'es', messages: {} }), 'en')).toBe('inglés');
    expect(languageName(intl, 'not a tag')).toBe('not a tag');
  });
});

describe('yearsText', () => {
  it('says year or years', () => {
    expect(yearsText(intl, 1)).toBe('1 year');
    expect(yearsText(intl, 0)).toBe('0 years');
  });
});
