import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import { categoryLabel, formatDate } from '../consents/labels.ts';
import type { AccountedDisclosure, SharedRecord } from './api.ts';

export const channelLabels: Record<AccountedDisclosure['channel'], MessageDescriptor> = defineMessages({
  family_portal: { id: 'disclosures.channel.familyPortal', defaultMessage: 'Viewed in the family portal' },
  export: { id: 'disclosures.channel.export', defaultMessage: 'Export' },
  fhir: { id: 'disclosures.channel.fhir', defaultMessage: 'Read by a connected application' },
  printout: { id: 'disclosures.channel.printout', defaultMessage: 'Printed release' },
  patient_list: { id: 'disclosures.channel.patientList', defaultMessage: 'Named in their patient list' },
});

/** Who made the disclosure: a staff member, or Tandem itself when a support contact opened the portal. */
export function disclosedByLabel(
  intl: IntlShape,
  disclosure: Pick<AccountedDisclosure, 'disclosedBy' | 'channel'>,
): string {
  if (disclosure.disclosedBy !== null) return disclosure.disclosedBy;
  return intl.formatMessage(
    {
      id: 'disclosures.labels.disclosedByTandem',
      defaultMessage:
        '{channel, select, family_portal {Tandem, when they opened the portal} patient_list {Tandem, when they listed their patients} other {Tandem}}',
    },
    { channel: disclosure.channel },
  );
}

/**
 * A clear explanation of the scope of the consent a disclosure was made under (42 CFR 2.32(b)), in plain
 * sentences in the reader's language (core's consentScopeExplanation says the same in English for the printout).
 */
export function consentScopeExplanation(intl: IntlShape, consent: SharedRecord['consents'][number]): string {
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
      id: 'disclosures.labels.consentScope',
      defaultMessage:
        'The patient consented in writing on {signedOn} to share {categories} with {recipient}, for this purpose: {purpose}. {ends, select, date {The consent is in effect from {startsOn} until the end of {expiresOn}.} event {The consent is in effect from {startsOn} until {expiryEvent}.} both {The consent is in effect from {startsOn} until the end of {expiresOn} or until {expiryEvent}, whichever comes first.} other {The consent is in effect from {startsOn}.}} The patient may revoke it at any time.',
    },
    {
      signedOn: formatDate(intl, consent.signedOn),
      categories: intl.formatList(
        consent.categories.map((category) => categoryLabel(intl, category).toLocaleLowerCase(intl.locale)),
        { type: 'conjunction' },
      ),
      recipient: consent.recipientName,
      purpose: consent.purpose.trim().replace(/[.\s]+$/, ''),
      ends,
      startsOn: formatDate(intl, consent.startsOn),
      expiresOn: consent.expiresOn === null ? '' : formatDate(intl, consent.expiresOn),
      expiryEvent: consent.expiryEvent ?? '',
    },
  );
}
