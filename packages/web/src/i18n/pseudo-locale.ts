import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/**
 * The pseudo-locale: every wrapped string shows accented and inside ⟦ ⟧, so a page walked in it shows at a glance
 * (and to e2e/pseudo-locale.test.ts) any text that was not wrapped, and whether layouts survive longer words.
 */
export const pseudoLocale = 'en-XA';
export const pseudoOpen = '⟦';
export const pseudoClose = '⟧';

const accents: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'í',
  o: 'ó',
  u: 'ú',
  y: 'ý',
  n: 'ñ',
  c: 'ç',
  A: 'Á',
  E: 'É',
  I: 'Í',
  O: 'Ó',
  U: 'Ú',
  Y: 'Ý',
  N: 'Ñ',
  C: 'Ç',
};

function accent(text: string): string {
  return text.replace(/[aeiouyncAEIOUYNC]/g, (letter) => accents[letter] ?? letter);
}

function accentElements(elements: MessageFormatElement[]): MessageFormatElement[] {
  return elements.map((element) => {
    if (element.type === TYPE.literal) return { ...element, value: accent(element.value) };
    if (element.type === TYPE.tag) return { ...element, children: accentElements(element.children) };
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      const options = Object.fromEntries(
        Object.entries(element.options).map(([key, option]) => [
          key,
          { ...option, value: accentElements(option.value) },
        ]),
      );
      return { ...element, options };
    }
    return element;
  });
}

/** One English ICU message in the pseudo-locale, as the parsed form react-intl accepts. */
export function pseudoLocalize(message: string): MessageFormatElement[] {
  const literal = (value: string): MessageFormatElement => ({ type: TYPE.literal, value });
  return [literal(pseudoOpen), ...accentElements(parse(message)), literal(pseudoClose)];
}
