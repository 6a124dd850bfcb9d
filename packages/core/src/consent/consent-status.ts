import { type DisclosureCategory, disclosureCategories } from '../access/resources.ts';
import { type LocalDate, localDateAt } from '../time/local-date.ts';

/**
 * Where a consent stands at one moment. Only an active consent lets anything leave the program; the others
 * say why not, in words a patient and a recipient understand.
 */
export const consentStatuses = ['active', 'not_yet_active', 'expired', 'revoked', 'superseded'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

export const consentStatusLabels: Record<ConsentStatus, string> = {
  active: 'Active',
  not_yet_active: 'Not yet in effect',
  expired: 'Expired',
  revoked: 'Revoked',
  superseded: 'Replaced by a newer consent',
};

/** The parts of a consent its status depends on. */
export interface ConsentTerms {
  startsOn: LocalDate;
  /** Last day the consent is in effect (inclusive), in the program's time zone; null when it ends on an event. */
  expiresOn: LocalDate | null;
  revokedAt: Date | null;
  /** The consent that amended this one (the amendment revoked it in the same act), if any. */
  supersededByConsentId?: string | null;
}

/**
 * A consent's status at `at`, judged by the calendar date in the program's time zone. A consent that ends on
 * an event (discharge, end of a court case) stays active until someone records that the event happened, which
 * is recorded as its revocation.
 */
export function consentStatusAt(consent: ConsentTerms, at: Date, timeZone: string): ConsentStatus {
  if (consent.revokedAt !== null && consent.revokedAt.getTime() <= at.getTime()) {
    return consent.supersededByConsentId ? 'superseded' : 'revoked';
  }
  const today = localDateAt(at, timeZone);
  if (today < consent.startsOn) return 'not_yet_active';
  if (consent.expiresOn !== null && today > consent.expiresOn) return 'expired';
  return 'active';
}

/** A consent naming one recipient, as far as disclosing under it is concerned. */
export interface RecipientConsent extends ConsentTerms {
  id: string;
  categories: readonly DisclosureCategory[];
}

export interface OpenedCategories<T extends RecipientConsent> {
  /** What may be disclosed to the recipient at that moment, in the canonical category order. */
  categories: DisclosureCategory[];
  /** The consents in effect that open them (a disclosure is accounted under each). */
  activeConsents: T[];
}

/** Which categories a recipient's consents open at `at`: the union over the consents active then. */
export function categoriesOpenedAt<T extends RecipientConsent>(
  consents: readonly T[],
  at: Date,
  timeZone: string,
): OpenedCategories<T> {
  const activeConsents = consents.filter((consent) => consentStatusAt(consent, at, timeZone) === 'active');
  const opened = new Set(activeConsents.flatMap((consent) => consent.categories));
  return {
    categories: disclosureCategories.filter((category) => opened.has(category)),
    activeConsents,
  };
}

/** The part of what was shown that one consent covers: what the accounting records under that consent. */
export function categoriesCoveredBy(
  consent: RecipientConsent,
  shown: readonly DisclosureCategory[],
): DisclosureCategory[] {
  return shown.filter((category) => consent.categories.includes(category));
}
