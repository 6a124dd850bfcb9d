import { type AccessPrincipal, decidePatientListRow } from '@tandem/core';
import type { NewDisclosure } from '../disclosures/repository.ts';
import type { ListedPatientRead } from '../http/authorization.ts';
import type { ListedPatientRow } from './patient-search-repository.ts';
import type { PatientSummary } from './schemas.ts';

export interface PatientListRows {
  items: PatientSummary[];
  /** Which parts of whose record the rows carry, for the audit trail. */
  reads: ListedPatientRead[];
  /** Rows that left the treating program (a support contact's), one per consent they were listed under. */
  disclosures: NewDisclosure[];
}

/**
 * Shapes each listed patient's row by the policy's decision for the caller's relationship to that patient:
 * the parts the caller may not read are left out (not nulled, which would read as "none"), a patient the policy
 * would not list is dropped, and a support contact's rows are disclosures under the consents naming them.
 */
export function patientListRows(
  principal: AccessPrincipal,
  rows: readonly ListedPatientRow[],
  now: Date,
): PatientListRows {
  const result: PatientListRows = { items: [], reads: [], disclosures: [] };
  for (const { summary, facts } of rows) {
    const decision = decidePatientListRow(principal, principal.organizationId, facts.relationship, now);
    if (!decision.listed) continue;
    const { id, name, onMyCareTeam, currentEpisode, primaryTherapist, ...identity } = summary;
    result.items.push({
      id,
      name,
      ...(decision.fields.includes('identity') ? identity : {}),
      onMyCareTeam,
      ...(decision.fields.includes('currentEpisode') ? { currentEpisode } : {}),
      ...(decision.fields.includes('primaryTherapist') ? { primaryTherapist } : {}),
    });
    result.reads.push({ patientId: id, reads: decision.reads });
    if (!decision.isDisclosure) continue;
    for (const consent of facts.consents) {
      result.disclosures.push({
        patientId: id,
        consentId: consent.id,
        recipientName: consent.recipientName,
        recipientUserId: principal.userId,
        // The row names the patient and shares nothing of the consented categories.
        categories: [],
        channel: 'patient_list',
        purpose: consent.purpose,
        disclosedByUserId: null,
      });
    }
  }
  return result;
}
