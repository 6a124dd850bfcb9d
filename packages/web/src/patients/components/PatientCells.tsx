import { Text } from '@mantine/core';
import { AnchorLink } from '../../app/links.tsx';
import type { PatientSummary } from '../api.ts';
import { listName } from '../labels.ts';

/** A patient's name as the lists show it, linking to the record. */
export function PatientRecordLink({ patient }: { patient: PatientSummary }) {
  return (
    // Opening a record is an audited read: never on hover, only on a click.
    <AnchorLink to="/patients/$patientId" params={{ patientId: patient.id }} preload={false} fw={500}>
      {listName(patient)}
    </AnchorLink>
  );
}

export function PrimaryTherapistText({ patient }: { patient: PatientSummary }) {
  return (
    <Text size="sm" c={patient.primaryTherapist === null ? 'dimmed' : undefined}>
      {patient.primaryTherapist?.displayName ?? 'None assigned'}
    </Text>
  );
}
