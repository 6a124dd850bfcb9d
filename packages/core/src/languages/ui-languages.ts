/**
 * The languages Tandem's own words are written in: pages, messages, PDFs, consent wording. A patient's preferred
 * language may be any BCP 47 tag (they may need an interpreter); what Tandem shows a person is one of these.
 */
export const uiLanguages = ['en', 'es'] as const;
export type UiLanguage = (typeof uiLanguages)[number];

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

/** The primary subtag of a BCP 47 tag, lowercased: `es-MX` → `es`. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]?.toLowerCase() ?? '';
}

/**
 * The first of someone's languages (most preferred first, as a browser's `navigator.languages` or a chain of
 * person → patient → organization) that Tandem is written in, matched on the primary subtag; `fallback` when none.
 */
export function matchUiLanguage(
  preferences: readonly (string | null | undefined)[],
  fallback: UiLanguage = 'en',
): UiLanguage {
  for (const preference of preferences) {
    if (!preference) continue;
    const primary = primaryLanguage(preference);
    if (isUiLanguage(primary)) return primary;
  }
  return fallback;
}
