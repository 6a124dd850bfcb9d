import { type DisclosureCategory, disclosureCategories } from '../access/resources.ts';
import type { FieldError } from '../errors/domain-error.ts';
import { isLocalDate, localDateAt } from '../time/local-date.ts';

export const consentRecipientKinds = ['support_contact', 'person', 'organization'] as const;
export type ConsentRecipientKind = (typeof consentRecipientKinds)[number];

/** A consent as the patient signs it (42 CFR 2.31(a)): to whom, what, why, from when until when, signed by whom. */
export interface NewConsentTerms {
  recipient:
    | { kind: 'support_contact'; supportContactId: string }
    | { kind: 'person' | 'organization'; name: string };
  categories: readonly string[];
  purpose: string;
  startsOn: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signature: { typedName: string; signedAt: Date };
}

export interface ConsentValidationContext {
  now: Date;
  /** The program's time zone: dates are its calendar dates. */
  timeZone: string;
}

/** A signature time a few minutes ahead of the server clock is a skewed device clock, not a forgery. */
const clockSkewMs = 5 * 60_000;

/**
 * Checks a new consent against the elements 42 CFR 2.31 requires and against common sense; each problem is
 * reported on its own field (paths relative to the request body). An empty list means it may be recorded.
 */
export function validateNewConsent(terms: NewConsentTerms, context: ConsentValidationContext): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (path: string, message: string) => errors.push({ path, message });
  const today = localDateAt(context.now, context.timeZone);

  if (terms.recipient.kind !== 'support_contact' && terms.recipient.name.trim() === '') {
    fail('recipient.name', 'Name the person or organization who may receive the information');
  }

  if (terms.categories.length === 0) fail('categories', 'Choose at least one kind of information to share');
  const known = disclosureCategories as readonly string[];
  terms.categories.forEach((category, index) => {
    if (!known.includes(category)) fail(`categories.${index}`, 'Not a kind of information Tandem shares');
  });
  if (new Set(terms.categories).size !== terms.categories.length) {
    fail('categories', 'Each kind of information may be chosen only once');
  }

  if (terms.purpose.trim() === '') fail('purpose', 'Say why the information is shared');

  const startsOnValid = isLocalDate(terms.startsOn);
  if (!startsOnValid) fail('startsOn', 'Use a date like 2026-01-31');

  const expiryEvent = terms.expiryEvent?.trim() ?? '';
  if (terms.expiryEvent !== null && expiryEvent === '') {
    fail('expiryEvent', 'Describe the event that ends the consent, or leave it empty');
  }
  if (terms.expiresOn === null && terms.expiryEvent === null) {
    fail(
      'expiresOn',
      'Give the date the consent expires or the event that ends it (42 CFR 2.31 requires one)',
    );
  }
  if (terms.expiresOn !== null) {
    if (!isLocalDate(terms.expiresOn)) fail('expiresOn', 'Use a date like 2026-12-31');
    else if (startsOnValid && terms.expiresOn < terms.startsOn) {
      fail('expiresOn', 'The consent cannot expire before it starts');
    } else if (terms.expiresOn < today) {
      fail('expiresOn', 'This date has already passed: the consent would never be in effect');
    }
  }

  if (terms.signature.typedName.trim() === '') {
    fail('signature.typedName', 'The patient types their full name to sign');
  }
  const signedAt = terms.signature.signedAt;
  if (Number.isNaN(signedAt.getTime())) {
    fail('signature.signedAt', 'Give the date and time the patient signed');
  } else {
    if (signedAt.getTime() > context.now.getTime() + clockSkewMs) {
      fail('signature.signedAt', 'The signature cannot be dated in the future');
    } else if (startsOnValid && terms.startsOn < localDateAt(signedAt, context.timeZone)) {
      // Nothing may leave the program before the patient agreed to it.
      fail('startsOn', 'A consent cannot take effect before the patient signed it');
    }
  }
  return errors;
}

/** The categories of a validated consent, in canonical order. */
export function normalizedCategories(categories: readonly string[]): DisclosureCategory[] {
  return disclosureCategories.filter((category) => categories.includes(category));
}
