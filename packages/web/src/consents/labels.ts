import type { DisclosureCategory } from '@tandem/core/access/resources';
import { disclosureCategoryLabels } from '@tandem/core/consent/categories';
import { type ConsentStatus, consentStatusLabels } from '@tandem/core/consent/consent-status';
import type { Consent } from './api.ts';

export { consentStatusLabels, disclosureCategoryLabels };

export const consentStatusColors: Record<ConsentStatus, string> = {
  active: 'teal',
  not_yet_active: 'blue',
  expired: 'gray',
  revoked: 'red',
  superseded: 'gray',
};

export const recipientKindLabels: Record<Consent['recipient']['kind'], string> = {
  support_contact: 'Support contact',
  person: 'Person',
  organization: 'Organization',
};

// Consent dates are calendar dates ("2027-06-30"): formatted in UTC so no time zone shifts the day.
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function categoryList(categories: readonly DisclosureCategory[]): string {
  return categories.map((category) => disclosureCategoryLabels[category]).join(', ');
}

/** "From 1 Mar 2026 until 1 Mar 2027 or discharge, whichever comes first" */
export function consentPeriod(consent: Pick<Consent, 'startsOn' | 'expiresOn' | 'expiryEvent'>): string {
  const ends = [
    consent.expiresOn === null ? null : formatDate(consent.expiresOn),
    consent.expiryEvent === null ? null : consent.expiryEvent,
  ].filter((part): part is string => part !== null);
  const whichever = ends.length > 1 ? ', whichever comes first' : '';
  return `From ${formatDate(consent.startsOn)} until ${ends.join(' or ')}${whichever}`;
}
