import { Badge, EmptyState, Table, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PatientSummary } from '../api.ts';
import { formatCalendarDate, patientStatusColors, patientStatusLabel } from '../labels.ts';
import { levelOfCareText } from '../list-filters.ts';
import { PatientRecordLink, PrimaryTherapistText } from './PatientCells.tsx';

export function PatientTable({ patients, searched }: { patients: PatientSummary[]; searched: boolean }) {
  const intl = useIntl();
  if (patients.length === 0) {
    return (
      <EmptyState
        icon={<IconUserSearch />}
        withIndicatorBackground
        title={
          searched
            ? intl.formatMessage({
                id: 'patients.patientTable.noneFound',
                defaultMessage: 'No patient found',
              })
            : intl.formatMessage({ id: 'patients.patientTable.noneYet', defaultMessage: 'No patients yet' })
        }
        description={
          searched
            ? intl.formatMessage({
                id: 'patients.patientTable.noneFoundDescription',
                defaultMessage:
                  'Nobody matches that search and those filters. Check the spelling, search by MRN or date of birth, or clear the filters.',
              })
            : intl.formatMessage({
                id: 'patients.patientTable.noneYetDescription',
                defaultMessage: 'Admitted patients will be listed here.',
              })
        }
      />
    );
  }
  // Each row carries only what the caller may read of that record: a role that reads no patient's episodes
  // (the front desk) gets no level-of-care column at all; others see it on their care team's rows.
  const showsLevelOfCare = patients.some((patient) => patient.currentEpisode !== undefined);
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="patient-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <FormattedMessage id="patients.patientTable.name" defaultMessage="Name" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="patients.patientTable.mrn" defaultMessage="MRN" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="patients.patientTable.dateOfBirth" defaultMessage="Date of birth" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="patients.patientTable.status" defaultMessage="Status" />
            </Table.Th>
            {showsLevelOfCare && (
              <Table.Th>
                <FormattedMessage id="patients.patientTable.levelOfCare" defaultMessage="Level of care" />
              </Table.Th>
            )}
            <Table.Th>
              <FormattedMessage
                id="patients.patientTable.primaryTherapist"
                defaultMessage="Primary therapist"
              />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="patients.patientTable.careTeam" defaultMessage="Care team" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {patients.map((patient) => (
            <Table.Tr key={patient.id}>
              <Table.Td>
                <PatientRecordLink patient={patient} />
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {patient.mrn ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {patient.dateOfBirth === undefined ? '—' : formatCalendarDate(intl, patient.dateOfBirth)}
              </Table.Td>
              <Table.Td>
                {patient.status !== undefined && (
                  <Badge variant="light" color={patientStatusColors[patient.status] ?? 'gray'}>
                    {patientStatusLabel(intl, patient.status)}
                  </Badge>
                )}
              </Table.Td>
              {showsLevelOfCare && (
                <Table.Td>
                  <Text size="sm" c={patient.currentEpisode == null ? 'dimmed' : undefined}>
                    {levelOfCareText(intl, patient.currentEpisode)}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <PrimaryTherapistText patient={patient} />
              </Table.Td>
              <Table.Td>
                {patient.onMyCareTeam && (
                  <Badge variant="dot" color="blue">
                    <FormattedMessage id="patients.patientTable.myCareTeam" defaultMessage="My care team" />
                  </Badge>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
