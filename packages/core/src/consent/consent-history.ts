import type { DisclosureCategory } from '../access/resources.ts';
import { type FieldChange, fieldDifference } from '../signed-records/field-difference.ts';
import { disclosureCategoryLabels } from './categories.ts';
import type { ConsentRecipientKind } from './new-consent.ts';

/**
 * What a consent's signed version holds (record type `consent`): the terms the patient signed, one flat field per
 * term so that an amendment's difference names each term. The server writes it, migration 0019 builds the same
 * shape from the consents table, and the history shows it in the words of the consent form.
 */
export interface ConsentSignedContent {
  recipientKind: ConsentRecipientKind;
  supportContactId: string | null;
  recipientName: string;
  categories: DisclosureCategory[];
  purpose: string;
  startsOn: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signedName: string;
  /** When the patient signed (ISO 8601). */
  signedAt: string;
}

/** The record type of consents in the signed-record store. */
export const consentRecordType = 'consent';

/** Each term's label on the consent form, in the order the form shows them. */
export const consentTermLabels = {
  recipientName: 'Recipient',
  recipientKind: 'Kind of recipient',
  categories: 'Information shared',
  purpose: 'Purpose',
  startsOn: 'In effect from',
  expiresOn: 'Expires on',
  expiryEvent: 'Ends with the event',
  signedName: 'Signed by (typed name)',
  signedAt: 'Signed at',
} as const;

const recipientKindLabels: Record<ConsentRecipientKind, string> = {
  support_contact: 'Support contact',
  person: 'Person',
  organization: 'Organization',
};

/** A signed version's terms as stored, codes and all, every term present (null where the version lacks it). */
export type SignedConsentTerms = {
  [Term in keyof typeof consentTermLabels]: Term extends 'categories'
    ? string[] | null
    : Term extends 'recipientKind'
      ? ConsentRecipientKind | null
      : string | null;
};

/**
 * The terms for a reader who words them in their own language (the web app): codes as codes, the signature time
 * in ISO 8601. The support contact's id is not a term a reader compares, as in readableConsentTerms.
 */
export function signedConsentTerms(content: Partial<ConsentSignedContent>): SignedConsentTerms {
  return {
    recipientName: content.recipientName ?? null,
    recipientKind: content.recipientKind ?? null,
    categories: content.categories === undefined ? null : [...content.categories],
    purpose: content.purpose ?? null,
    startsOn: content.startsOn ?? null,
    expiresOn: content.expiresOn ?? null,
    expiryEvent: content.expiryEvent ?? null,
    signedName: content.signedName ?? null,
    signedAt: content.signedAt === undefined ? null : new Date(content.signedAt).toISOString(),
  };
}

/** The terms as the consent form reads them: labels for codes, one line for the list of categories. */
export function readableConsentTerms(content: Partial<ConsentSignedContent>): Record<string, string | null> {
  return {
    recipientName: content.recipientName ?? null,
    recipientKind: content.recipientKind === undefined ? null : recipientKindLabels[content.recipientKind],
    categories:
      content.categories === undefined
        ? null
        : content.categories.map((category) => disclosureCategoryLabels[category] ?? category).join(', '),
    purpose: content.purpose ?? null,
    startsOn: content.startsOn ?? null,
    expiresOn: content.expiresOn ?? null,
    expiryEvent: content.expiryEvent ?? null,
    signedName: content.signedName ?? null,
    signedAt: content.signedAt === undefined ? null : new Date(content.signedAt).toISOString(),
  };
}

/**
 * What an amendment changed, term by term, in readable words ("Information shared: 'Attendance and
 * appointments, Treatment plan' -> 'Attendance and appointments'"). The support contact's id is not a term a
 * reader compares: a change of recipient shows as the recipient's name.
 */
export function consentTermChanges(
  before: Partial<ConsentSignedContent>,
  after: Partial<ConsentSignedContent>,
): FieldChange[] {
  return fieldDifference(readableConsentTerms(before), readableConsentTerms(after), consentTermLabels);
}
