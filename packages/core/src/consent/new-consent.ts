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
 * What can be wrong with a consent's terms, as codes: a reader's own language says each in its words (the web app
 * keeps its messages keyed by these); the English below is what the API answers with.
 */
export const consentTermsProblemMessages = {
  recipient_name_missing: 'Name the person or organization who may receive the information',
  categories_missing: 'Choose at least one kind of information to share',
  category_unknown: 'Not a kind of information Tandem shares',
  category_repeated: 'Each kind of information may be chosen only once',
  purpose_missing: 'Say why the information is shared',
  starts_on_invalid: 'Use a date like 2026-01-31',
  expiry_event_blank: 'Describe the event that ends the consent, or leave it empty',
  end_missing: 'Give the date the consent expires or the event that ends it (42 CFR 2.31 requires one)',
  expires_on_invalid: 'Use a date like 2026-12-31',
  expires_before_start: 'The consent cannot expire before it starts',
  expires_in_past: 'This date has already passed: the consent would never be in effect',
  signature_missing: 'The patient types their full name to sign',
  signed_at_invalid: 'Give the date and time the patient signed',
  signed_in_future: 'The signature cannot be dated in the future',
  starts_before_signature: 'A consent cannot take effect before the patient signed it',
} as const;

export type ConsentTermsProblem = keyof typeof consentTermsProblemMessages;

/** One problem of a consent's terms, on its field: the code, and its English for the API. */
export interface ConsentTermsError extends FieldError {
  problem: ConsentTermsProblem;
}

/**
 * Checks a new consent against the elements 42 CFR 2.31 requires and against common sense; each problem is
 * reported on its own field (paths relative to the request body). An empty list means it may be recorded.
 */
export function validateNewConsent(
  terms: NewConsentTerms,
  context: ConsentValidationContext,
): ConsentTermsError[] {
  const errors: ConsentTermsError[] = [];
  const fail = (path: string, problem: ConsentTermsProblem) =>
    errors.push({ path, problem, message: consentTermsProblemMessages[problem] });
  const today = localDateAt(context.now, context.timeZone);

  if (terms.recipient.kind !== 'support_contact' && terms.recipient.name.trim() === '') {
    fail('recipient.name', 'recipient_name_missing');
  }

  if (terms.categories.length === 0) fail('categories', 'categories_missing');
  const known = disclosureCategories as readonly string[];
  terms.categories.forEach((category, index) => {
    if (!known.includes(category)) fail(`categories.${index}`, 'category_unknown');
  });
  if (new Set(terms.categories).size !== terms.categories.length) {
    fail('categories', 'category_repeated');
  }

  if (terms.purpose.trim() === '') fail('purpose', 'purpose_missing');

  const startsOnValid = isLocalDate(terms.startsOn);
  if (!startsOnValid) fail('startsOn', 'starts_on_invalid');

  const expiryEvent = terms.expiryEvent?.trim() ?? '';
  if (terms.expiryEvent !== null && expiryEvent === '') fail('expiryEvent', 'expiry_event_blank');
  if (terms.expiresOn === null && terms.expiryEvent === null) fail('expiresOn', 'end_missing');
  if (terms.expiresOn !== null) {
    if (!isLocalDate(terms.expiresOn)) fail('expiresOn', 'expires_on_invalid');
    else if (startsOnValid && terms.expiresOn < terms.startsOn) fail('expiresOn', 'expires_before_start');
    else if (terms.expiresOn < today) fail('expiresOn', 'expires_in_past');
  }

  if (terms.signature.typedName.trim() === '') fail('signature.typedName', 'signature_missing');
  const signedAt = terms.signature.signedAt;
  if (Number.isNaN(signedAt.getTime())) {
    fail('signature.signedAt', 'signed_at_invalid');
  } else {
    if (signedAt.getTime() > context.now.getTime() + clockSkewMs) {
      fail('signature.signedAt', 'signed_in_future');
    } else if (startsOnValid && terms.startsOn < localDateAt(signedAt, context.timeZone)) {
      // Nothing may leave the program before the patient agreed to it.
      fail('startsOn', 'starts_before_signature');
    }
  }
  return errors;
}

/** The categories of a validated consent, in canonical order. */
export function normalizedCategories(categories: readonly string[]): DisclosureCategory[] {
  return disclosureCategories.filter((category) => categories.includes(category));
}
