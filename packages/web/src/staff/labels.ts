// Display names for the codes the API stores (therapeutic approaches, BCP-47 language tags).
import { type TherapeuticApproach, therapeuticApproachLabels } from '@tandem/core/staff/approaches';

function isKnownApproach(code: string): code is TherapeuticApproach {
  return Object.hasOwn(therapeuticApproachLabels, code);
}

/** An approach newer than this build still reads as words: "somatic_experiencing" becomes "Somatic experiencing". */
export function approachLabel(code: string): string {
  if (isKnownApproach(code)) return therapeuticApproachLabels[code];
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

export function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    // Not a well-formed language tag: show it as stored.
    return tag;
  }
}

export function yearsText(years: number): string {
  return years === 1 ? '1 year' : `${years} years`;
}

export const genderLabels: Record<'woman' | 'man' | 'non_binary', string> = {
  woman: 'Woman',
  man: 'Man',
  non_binary: 'Non-binary',
};
