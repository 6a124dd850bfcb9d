import type { Page } from 'playwright-core';

/**
 * The pseudo-locale check: in the pseudo-locale every wrapped string shows inside ⟦ ⟧ (packages/web/src/i18n/
 * pseudo-locale.ts), so any word a page shows outside the marks was not wrapped, unless it is data (it came from
 * the API: a name, an email, a note) or a date or time Intl wrote.
 */
export interface ShownText {
  text: string;
  /** Where it shows: text, or the attribute that carries it (aria-label, placeholder, title, alt). */
  where: string;
}

const pseudoMessage = /⟦[^⟦⟧]*⟧/g;
/** What Intl writes for dates in the pseudo-locale (it formats as English does), and the product's name. */
const notWords = new RegExp(
  [
    '\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\b',
    '\\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\b',
    '\\b(?:AM|PM|UTC|GMT|at)\\b',
    '\\bTandem\\b',
  ].join('|'),
  'g',
);

/** Every string value in an API answer: what the page may show as data. */
export function dataStrings(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (value.trim().length > 1) into.add(value.trim());
  } else if (Array.isArray(value)) {
    for (const item of value) dataStrings(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const item of Object.values(value)) dataStrings(item, into);
  }
  return into;
}

/** What is left of a shown text once wrapped messages, data and dates are taken out; '' when nothing is. */
export function unwrappedRemainder(text: string, data: ReadonlySet<string>): string {
  let rest = text;
  // Messages nest (a message's value may itself be a message): take the innermost out until none is left.
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(pseudoMessage, ' ');
  }
  const byLength = [...data].sort((a, b) => b.length - a.length);
  for (const value of byLength) if (rest.includes(value)) rest = rest.split(value).join(' ');
  rest = rest.replace(notWords, ' ');
  const words = rest.match(/[A-Za-z]{2,}/g);
  return words === null ? '' : rest.replace(/\s+/g, ' ').trim();
}

export function unwrappedTexts(shown: readonly ShownText[], data: ReadonlySet<string>): ShownText[] {
  return shown
    .map((item) => ({ ...item, text: unwrappedRemainder(item.text, data) }))
    .filter((item) => item.text !== '');
}

/**
 * Every text a person can see or hear on the page: visible text nodes and the labelling attributes of visible
 * elements, outside aria-hidden subtrees and `translate="no"` (a language's own name, for instance).
 */
export async function shownTexts(page: Page): Promise<ShownText[]> {
  return page.evaluate(() => {
    const shown: { text: string; where: string }[] = [];
    const skipped = (element: Element | null): boolean =>
      element === null ||
      element.closest('[aria-hidden="true"], [translate="no"], script, style, noscript') !== null ||
      !element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text === '' || skipped(node.parentElement)) continue;
      shown.push({ text, where: 'text' });
    }
    for (const attribute of ['aria-label', 'placeholder', 'title', 'alt']) {
      for (const element of document.body.querySelectorAll(`[${attribute}]`)) {
        const value = element.getAttribute(attribute)?.trim() ?? '';
        if (value === '' || skipped(element)) continue;
        shown.push({ text: value, where: attribute });
      }
    }
    return shown;
  });
}

const languageTag = /^[a-z]{2,3}(?:-[A-Z]{2}|-[0-9]{3})?$/;

/**
 * Language codes in the data, named as Intl names them in English (the pseudo-locale formats as English does):
 * a staff member's "es" shows as "Spanish", which Intl wrote, not a forgotten string.
 */
export function withLanguageNames(data: Set<string>): Set<string> {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const value of [...data]) {
    if (!languageTag.test(value)) continue;
    try {
      const name = names.of(value);
      if (name !== undefined) data.add(name);
    } catch {
      // Not a language Intl knows.
    }
  }
  return data;
}
