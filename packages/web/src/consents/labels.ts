import type { DisclosureCategory } from '@tandem/core/access/resources';
import type { SignedConsentTerms } from '@tandem/core/consent/consent-history';
import type { ConsentStatus } from '@tandem/core/consent/consent-status';
import type { ConsentTermsProblem } from '@tandem/core/consent/new-consent';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import type { Consent } from './api.ts';

/** How each category reads on a consent form, a portal page and the accounting of disclosures. */
export const disclosureCategoryLabels: Record<DisclosureCategory, MessageDescriptor> = defineMessages({
  attendance: { id: 'consents.category.attendance', defaultMessage: 'Attendance and appointments' },
  diagnosis: { id: 'consents.category.diagnosis', defaultMessage: 'Diagnoses' },
  medications: { id: 'consents.category.medications', defaultMessage: 'Medications' },
  drug_test_results: { id: 'consents.category.drugTestResults', defaultMessage: 'Drug test results' },
  progress_notes_summary: {
    id: 'consents.category.progressNotesSummary',
    defaultMessage: 'Summary of progress (not psychotherapy notes)',
  },
  treatment_plan: { id: 'consents.category.treatmentPlan', defaultMessage: 'Treatment plan' },
});

/** Where a consent stands, in words a patient and a recipient understand. */
export const consentStatusLabels: Record<ConsentStatus, MessageDescriptor> = defineMessages({
  active: { id: 'consents.status.active', defaultMessage: 'Active' },
  not_yet_active: { id: 'consents.status.notYetActive', defaultMessage: 'Not yet in effect' },
  expired: { id: 'consents.status.expired', defaultMessage: 'Expired' },
  revoked: { id: 'consents.status.revoked', defaultMessage: 'Revoked' },
  superseded: { id: 'consents.status.superseded', defaultMessage: 'Replaced by a newer consent' },
});

export const consentStatusColors: Record<ConsentStatus, string> = {
  active: 'teal',
  not_yet_active: 'blue',
  expired: 'gray',
  revoked: 'red',
  superseded: 'gray',
};

export const recipientKindLabels: Record<Consent['recipient']['kind'], MessageDescriptor> = defineMessages({
  support_contact: { id: 'consents.recipientKind.supportContact', defaultMessage: 'Support contact' },
  person: { id: 'consents.recipientKind.person', defaultMessage: 'Person' },
  organization: { id: 'consents.recipientKind.organization', defaultMessage: 'Organization' },
});

/** Each term's label on the consent form, for the history of a consent's signed versions. */
export const consentTermLabels: Record<keyof SignedConsentTerms, MessageDescriptor> = defineMessages({
  recipientName: { id: 'consents.term.recipientName', defaultMessage: 'Recipient' },
  recipientKind: { id: 'consents.term.recipientKind', defaultMessage: 'Kind of recipient' },
  categories: { id: 'consents.term.categories', defaultMessage: 'Information shared' },
  purpose: { id: 'consents.term.purpose', defaultMessage: 'Purpose' },
  startsOn: { id: 'consents.term.startsOn', defaultMessage: 'In effect from' },
  expiresOn: { id: 'consents.term.expiresOn', defaultMessage: 'Expires on' },
  expiryEvent: { id: 'consents.term.expiryEvent', defaultMessage: 'Ends with the event' },
  signedName: { id: 'consents.term.signedName', defaultMessage: 'Signed by (typed name)' },
  signedAt: { id: 'consents.term.signedAt', defaultMessage: 'Signed at' },
});

/** What can be wrong with a consent's terms (core validateNewConsent reports the code), said on the field. */
export const consentTermsProblemLabels: Record<ConsentTermsProblem, MessageDescriptor> = defineMessages({
  recipient_name_missing: {
    id: 'consents.termsProblem.recipientNameMissing',
    defaultMessage: 'Name the person or organization who may receive the information',
  },
  categories_missing: {
    id: 'consents.termsProblem.categoriesMissing',
    defaultMessage: 'Choose at least one kind of information to share',
  },
  category_unknown: {
    id: 'consents.termsProblem.categoryUnknown',
    defaultMessage: 'Not a kind of information Tandem shares',
  },
  category_repeated: {
    id: 'consents.termsProblem.categoryRepeated',
    defaultMessage: 'Each kind of information may be chosen only once',
  },
  purpose_missing: {
    id: 'consents.termsProblem.purposeMissing',
    defaultMessage: 'Say why the information is shared',
  },
  starts_on_invalid: {
    id: 'consents.termsProblem.startsOnInvalid',
    defaultMessage: 'Use a date like 2026-01-31',
  },
  expiry_event_blank: {
    id: 'consents.termsProblem.expiryEventBlank',
    defaultMessage: 'Describe the event that ends the consent, or leave it empty',
  },
  end_missing: {
    id: 'consents.termsProblem.endMissing',
    defaultMessage: 'Give the date the consent expires or the event that ends it (42 CFR 2.31 requires one)',
  },
  expires_on_invalid: {
    id: 'consents.termsProblem.expiresOnInvalid',
    defaultMessage: 'Use a date like 2026-12-31',
  },
  expires_before_start: {
    id: 'consents.termsProblem.expiresBeforeStart',
    defaultMessage: 'The consent cannot expire before it starts',
  },
  expires_in_past: {
    id: 'consents.termsProblem.expiresInPast',
    defaultMessage: 'This date has already passed: the consent would never be in effect',
  },
  signature_missing: {
    id: 'consents.termsProblem.signatureMissing',
    defaultMessage: 'The patient types their full name to sign',
  },
  signed_at_invalid: {
    id: 'consents.termsProblem.signedAtInvalid',
    defaultMessage: 'Give the date and time the patient signed',
  },
  signed_in_future: {
    id: 'consents.termsProblem.signedInFuture',
    defaultMessage: 'The signature cannot be dated in the future',
  },
  starts_before_signature: {
    id: 'consents.termsProblem.startsBeforeSignature',
    defaultMessage: 'A consent cannot take effect before the patient signed it',
  },
});

/** A calendar date ("2027-06-30"), formatted in UTC so that no time zone shifts the day. */
export function formatDate(intl: IntlShape, date: string): string {
  return intl.formatDate(new Date(`${date}T00:00:00Z`), { dateStyle: 'medium', timeZone: 'UTC' });
}

export function formatDateTime(intl: IntlShape, iso: string): string {
  return intl.formatDate(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' });
}

/** A category's label; a code Tandem does not know (from an old signed version) shows as it is. */
export function categoryLabel(intl: IntlShape, category: string): string {
  const label = disclosureCategoryLabels[category as DisclosureCategory];
  return label === undefined ? category : intl.formatMessage(label);
}

/** "Attendance and appointments, Drug test results": the categories as a short list. */
export function categoryList(intl: IntlShape, categories: readonly string[]): string {
  return intl.formatList(
    categories.map((category) => categoryLabel(intl, category)),
    { type: 'unit', style: 'short' },
  );
}

/** "From 1 Mar 2026 until 1 Mar 2027 or discharge, whichever comes first." */
export function consentPeriod(
  intl: IntlShape,
  consent: Pick<Consent, 'startsOn' | 'expiresOn' | 'expiryEvent'>,
): string {
  const ends =
    consent.expiresOn !== null && consent.expiryEvent !== null
      ? 'both'
      : consent.expiresOn !== null
        ? 'date'
        : consent.expiryEvent !== null
          ? 'event'
          : 'none';
  return intl.formatMessage(
    {
      id: 'consents.labels.period',
      defaultMessage:
        '{ends, select, date {From {startsOn} until {expiresOn}.} event {From {startsOn} until {expiryEvent}.} both {From {startsOn} until {expiresOn} or {expiryEvent}, whichever comes first.} other {From {startsOn}.}}',
    },
    {
      ends,
      startsOn: formatDate(intl, consent.startsOn),
      expiresOn: consent.expiresOn === null ? '' : formatDate(intl, consent.expiresOn),
      expiryEvent: consent.expiryEvent ?? '',
    },
  );
}
