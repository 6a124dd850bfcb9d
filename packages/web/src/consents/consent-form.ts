import type { DisclosureCategory } from '@tandem/core/access/resources';
import { validateNewConsent } from '@tandem/core/consent/new-consent';
import type { IntlShape } from 'react-intl';
import type { Consent, ConsentCreate } from './api.ts';
import { consentTermsProblemLabels } from './labels.ts';

/** How the consent ends: 42 CFR 2.31 requires an expiry date, an event, or both (whichever comes first). */
export type ConsentEnd = 'date' | 'event' | 'both';
export type RecipientKind = 'support_contact' | 'person' | 'organization';

export interface ConsentFormValues {
  recipientKind: RecipientKind;
  supportContactId: string | null;
  recipientName: string;
  categories: DisclosureCategory[];
  purpose: string;
  startsOn: string;
  endsBy: ConsentEnd;
  expiresOn: string;
  expiryEvent: string;
  /** The patient's typed full name: their signature. */
  typedName: string;
}

export type ConsentFormField = keyof ConsentFormValues;
export type ConsentFormErrors = Partial<Record<ConsentFormField, string>>;

export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year + years, month - 1, day));
  return next.toISOString().slice(0, 10);
}

/** A blank consent from today for a year. The signature stays empty: the patient types it themselves. */
export function emptyConsentForm(today: string): ConsentFormValues {
  return {
    recipientKind: 'support_contact',
    supportContactId: null,
    recipientName: '',
    categories: [],
    purpose: '',
    startsOn: today,
    endsBy: 'date',
    expiresOn: addYears(today, 1),
    expiryEvent: '',
    typedName: '',
  };
}

/** An amendment starts from the terms it replaces; the patient signs again, today. */
export function amendmentForm(consent: Consent, today: string): ConsentFormValues {
  const endsBy: ConsentEnd =
    consent.expiresOn !== null && consent.expiryEvent !== null
      ? 'both'
      : consent.expiresOn !== null
        ? 'date'
        : 'event';
  return {
    recipientKind: consent.recipient.kind,
    supportContactId: consent.recipient.supportContactId,
    recipientName: consent.recipient.kind === 'support_contact' ? '' : consent.recipient.name,
    categories: [...consent.categories],
    purpose: consent.purpose,
    startsOn: today,
    endsBy,
    expiresOn: consent.expiresOn ?? addYears(today, 1),
    expiryEvent: consent.expiryEvent ?? '',
    typedName: '',
  };
}

export function consentRequestBody(values: ConsentFormValues): ConsentCreate {
  const recipient: ConsentCreate['recipient'] =
    values.recipientKind === 'support_contact'
      ? { kind: 'support_contact', supportContactId: values.supportContactId ?? '' }
      : { kind: values.recipientKind, name: values.recipientName.trim() };
  return {
    recipient,
    categories: values.categories,
    purpose: values.purpose.trim(),
    startsOn: values.startsOn,
    expiresOn: values.endsBy === 'event' ? null : values.expiresOn,
    expiryEvent: values.endsBy === 'date' ? null : values.expiryEvent.trim(),
    signature: { typedName: values.typedName.trim() },
  };
}

/** An amendment says why the signed consent changes, as the server requires (at least 3 characters). */
export function amendmentReasonError(intl: IntlShape, reason: string): string | undefined {
  return reason.trim().length < 3
    ? intl.formatMessage({
        id: 'consents.consentForm.reasonMissing',
        defaultMessage: 'Say why the consent is amended',
      })
    : undefined;
}

/** Where the server's (or the core rules') field paths land in this form. */
export function formFieldOf(path: string): ConsentFormField | undefined {
  const [head, next] = path.split('.');
  if (head === 'recipient') {
    if (next === 'supportContactId') return 'supportContactId';
    if (next === 'name') return 'recipientName';
    return 'recipientKind';
  }
  if (head === 'signature') return 'typedName';
  if (head === 'categories') return 'categories';
  if (head === 'purpose' || head === 'startsOn' || head === 'expiresOn' || head === 'expiryEvent')
    return head;
  return undefined;
}

/** Server field errors (already stripped of the request part, e.g. "recipient.name") mapped onto the form. */
export function formErrorsFrom(fieldErrors: Record<string, string>): ConsentFormErrors {
  const errors: ConsentFormErrors = {};
  for (const [path, message] of Object.entries(fieldErrors)) {
    const field = formFieldOf(path);
    if (field !== undefined && errors[field] === undefined) errors[field] = message;
  }
  return errors;
}

/**
 * Checks the form with the same rules the server applies (core validateNewConsent), so that the person sees
 * every problem at once before sending; the server still decides.
 */
export function validateConsentForm(
  intl: IntlShape,
  values: ConsentFormValues,
  context: { now: Date; timeZone: string },
): ConsentFormErrors {
  const body = consentRequestBody(values);
  const errors = formErrorsFrom(
    Object.fromEntries(
      validateNewConsent(
        {
          recipient:
            body.recipient.kind === 'support_contact'
              ? { kind: 'support_contact', supportContactId: body.recipient.supportContactId }
              : { kind: body.recipient.kind, name: body.recipient.name },
          categories: body.categories,
          purpose: body.purpose,
          startsOn: body.startsOn,
          expiresOn: body.expiresOn ?? null,
          expiryEvent: body.expiryEvent ?? null,
          signature: { typedName: body.signature.typedName, signedAt: context.now },
        },
        context,
      ).map((error) => [error.path, intl.formatMessage(consentTermsProblemLabels[error.problem])]),
    ),
  );
  if (values.recipientKind === 'support_contact' && values.supportContactId === null) {
    errors.supportContactId = intl.formatMessage({
      id: 'consents.consentForm.supportContactMissing',
      defaultMessage: 'Choose which support contact may receive the information',
    });
  }
  if (values.endsBy !== 'date' && values.expiryEvent.trim() === '') {
    errors.expiryEvent = intl.formatMessage({
      id: 'consents.consentForm.expiryEventMissing',
      defaultMessage: 'Describe the event that ends the consent (for example, discharge)',
    });
  }
  return errors;
}
