import { type DisclosureCategory, disclosureCategoryLabels } from '@tandem/core';
import { stringify } from 'csv-stringify/sync';
import { programTime } from './program-time.ts';
import type { AccountedDisclosure, DisclosureChannel } from './repository.ts';

export const channelLabels: Record<DisclosureChannel, string> = {
  family_portal: 'Family portal view',
  export: 'Export',
  fhir: 'FHIR API',
  printout: 'Printed release',
  patient_list: 'Support contact’s patient list',
};

/**
 * The accounting of disclosures as a spreadsheet the patient can keep. Cells that a spreadsheet would run as a
 * formula (=, +, -, @) are escaped: names and purposes are typed by people.
 */
export function accountingCsv(disclosures: readonly AccountedDisclosure[], timeZone: string): string {
  return stringify(
    disclosures.map((disclosure) => [
      programTime(disclosure.disclosedAt, timeZone),
      disclosure.recipientName,
      disclosure.categories.length === 0
        ? 'The patient’s name only'
        : disclosure.categories
            .map((category: DisclosureCategory) => disclosureCategoryLabels[category])
            .join('; '),
      disclosure.purpose,
      channelLabels[disclosure.channel],
      disclosure.disclosedBy ?? 'Tandem (automatic)',
      disclosure.consentId,
    ]),
    {
      header: true,
      columns: [
        'Disclosed at',
        'Recipient',
        'Information disclosed',
        'Purpose',
        'How',
        'Disclosed by',
        'Consent',
      ],
      escape_formulas: true,
      record_delimiter: 'windows',
    },
  );
}
