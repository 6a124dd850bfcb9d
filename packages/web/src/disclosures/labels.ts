import type { AccountedDisclosure } from './api.ts';

export const channelLabels: Record<AccountedDisclosure['channel'], string> = {
  family_portal: 'Viewed in the family portal',
  export: 'Export',
  fhir: 'Read by a connected application',
  printout: 'Printed release',
  patient_list: 'Named in their patient list',
};

/** Who made the disclosure: a staff member, or Tandem itself when a support contact opened the portal. */
export function disclosedByLabel(disclosure: Pick<AccountedDisclosure, 'disclosedBy' | 'channel'>): string {
  if (disclosure.disclosedBy !== null) return disclosure.disclosedBy;
  if (disclosure.channel === 'family_portal') return 'Tandem, when they opened the portal';
  if (disclosure.channel === 'patient_list') return 'Tandem, when they listed their patients';
  return 'Tandem';
}
