import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';

/**
 * The pseudo-locale's messages (i18n/locales.ts), made at build time from the English catalogue
 * (scripts/compiled-catalogues.ts): each message accented and inside ⟦ ⟧.
 */
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
