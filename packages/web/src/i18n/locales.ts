import type { UiLanguage } from '@tandem/core';

/**
 * The pseudo-locale: every wrapped string shows accented and inside ⟦ ⟧, so a page walked in it shows at a glance
 * (and to e2e/pseudo-locale.test.ts) any text that was not wrapped, and whether layouts survive longer words.
 */
export const pseudoLocale = 'en-XA';

/** A locale the web app can render in: a written language, or the pseudo-locale that finds unwrapped text. */
export type AppLocale = UiLanguage | typeof pseudoLocale;
