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

/** The languages that decide what a person reads: their own choice, their patient record's, the program's. */
export interface LanguageSources {
  preference: string | null;
  /** Set when the person is a patient of the organization: the preferred language on their record. */
  patientLanguage: string | null;
  organizationDefault: string;
}

/**
 * What a person reads Tandem in: their own choice; else, for a patient, their record's preferred language when
 * Tandem is written in it; else the organization's.
 */
export function personLanguage(sources: LanguageSources): UiLanguage {
  return matchUiLanguage([sources.preference, sources.patientLanguage, sources.organizationDefault]);
}
