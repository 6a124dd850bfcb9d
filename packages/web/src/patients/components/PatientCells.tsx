import { Text } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import { AnchorLink } from '../../app/links.tsx';
import type { PatientSummary } from '../api.ts';
import { rowName } from '../labels.ts';

/** A patient's name as the lists show it, linking to the record. */
export function PatientRecordLink({ patient }: { patient: PatientSummary }) {
  return (
    // Opening a record is an audited read: never on hover, only on a click.
    <AnchorLink to="/patients/$patientId" params={{ patientId: patient.id }} preload={false} fw={500}>
      {rowName(patient)}
    </AnchorLink>
  );
}

export function PrimaryTherapistText({ patient }: { patient: PatientSummary }) {
  const therapist = patient.primaryTherapist;
  return (
    <Text size="sm" c={therapist == null ? 'dimmed' : undefined}>
      {therapist === undefined ? (
        '—'
      ) : therapist === null ? (
        <FormattedMessage id="patients.primaryTherapistText.noneAssigned" defaultMessage="None assigned" />
      ) : (
        therapist.displayName
      )}
    </Text>
  );
}
