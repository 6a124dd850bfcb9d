import type { IntlShape } from 'react-intl';
import { languageName } from '../patients/labels.ts';

/** English and Spanish, offered first: most patients speak one of them. */
const firstLanguages = ['en', 'es'] as const;

/**
 * The languages registration offers, as BCP 47 tags (what patients.preferred_language stores): those most often
 * spoken at home by people in the US who speak English less than very well (Census ACS), Navajo among them.
 */
export const preferredLanguageTags: readonly string[] = [
  ...firstLanguages,
  'am',
  'ar',
  'bn',
  'de',
  'el',
  'fa',
  'fr',
  'gu',
  'hi',
  'hmn',
  'ht',
  'hy',
  'it',
  'ja',
  'km',
  'ko',
  'lo',
  'my',
  'ne',
  'nv',
  'pa',
  'pl',
  'prs',
  'ps',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'so',
  'sw',
  'th',
  'ti',
  'tl',
  'uk',
  'ur',
  'vi',
  'yue',
  'zh',
];

/** A language name as a list item starts it ("Inglés", not "inglés"). */
function asListItem(intl: IntlShape, name: string): string {
  return name.charAt(0).toLocaleUpperCase(intl.locale) + name.slice(1);
}

/**
 * The options of the preferred-language select, named in the reader's language: English and Spanish first, then
 * the others sorted by their name. A tag not in the list (an older record's) is offered too, so it stays chosen.
 */
export function preferredLanguageOptions(
  intl: IntlShape,
  current?: string,
): { value: string; label: string }[] {
  const option = (tag: string) => ({ value: tag, label: asListItem(intl, languageName(intl, tag)) });
  const first = firstLanguages.map(option);
  const others = preferredLanguageTags
    .filter((tag) => !(firstLanguages as readonly string[]).includes(tag))
    .concat(
      current !== undefined && current !== '' && !preferredLanguageTags.includes(current) ? [current] : [],
    )
    .map(option)
    .sort((a, b) => a.label.localeCompare(b.label, intl.locale));
  return [...first, ...others];
}
