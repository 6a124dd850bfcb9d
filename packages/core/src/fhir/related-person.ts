import type { RelatedPerson } from '@medplum/fhirtypes';
import { part2Meta, reference, telecom, text } from './elements.ts';
import { relationshipConcept } from './relationship.ts';

/** A support contact: a loved one the patient named (`support_contacts`, 0004). */
export interface RelatedPersonRecord {
  id: string;
  patientId: string;
  name: string;
  /** In the patient's words ("mom", "sponsor"). */
  relationship: string;
  phone: string | null;
  email: string | null;
  active: boolean;
}

/**
 * The support contact as a FHIR R4 RelatedPerson. That someone supports a patient in addiction treatment is
 * itself Part 2 information, so the resource carries the patient's labels.
 */
export function toFhirRelatedPerson(record: RelatedPersonRecord): RelatedPerson {
  const relationship = relationshipConcept(record.relationship);
  const name = text(record.name);
  const telecoms = telecom(record.phone, record.email);
  return {
    resourceType: 'RelatedPerson',
    id: record.id,
    meta: part2Meta(),
    active: record.active,
    patient: reference('Patient', record.patientId),
    ...(relationship && { relationship: [relationship] }),
    ...(name && { name: [{ text: name }] }),
    ...(telecoms && { telecom: telecoms }),
  };
}
