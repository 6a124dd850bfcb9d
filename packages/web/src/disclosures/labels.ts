import type { AccountedDisclosure } from './api.ts';

export const channelLabels: Record<AccountedDisclosure['channel'], string> = {
  family_portal: 'Viewed in the family portal',
  export: 'Export',
  fhir: 'Read by a connected application',
  printout: 'Printed release',
};

/** Who made the disclosure: a staff member, or Tandem itself when a support contact opened the portal. */
export function disclosedByLabel(disclosure: Pick<AccountedDisclosure, 'disclosedBy' | 'channel'>): string {
  if (disclosure.disclosedBy !== null) return disclosure.disclosedBy;
  return disclosure.channel === 'family_portal' ? 'Tandem, when they opened the portal' : 'Tandem';
}
