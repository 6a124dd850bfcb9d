import { Badge, EmptyState, Table, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import type { PatientSummary } from '../api.ts';
import { formatCalendarDate, patientStatusColors, patientStatusLabels } from '../labels.ts';
import { levelOfCareText } from '../list-filters.ts';
import { PatientRecordLink, PrimaryTherapistText } from './PatientCells.tsx';

export function PatientTable({ patients, searched }: { patients: PatientSummary[]; searched: boolean }) {
  if (patients.length === 0) {
    return (
      <EmptyState
        icon={<IconUserSearch />}
        withIndicatorBackground
        title={searched ? 'No patient found' : 'No patients yet'}
        description={
          searched
            ? 'Nobody matches that search and those filters. Check the spelling, search by MRN or date of birth, or clear the filters.'
            : 'Admitted patients will be listed here.'
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
            <Table.Th>Name</Table.Th>
            <Table.Th>MRN</Table.Th>
            <Table.Th>Date of birth</Table.Th>
            <Table.Th>Status</Table.Th>
            {showsLevelOfCare && <Table.Th>Level of care</Table.Th>}
            <Table.Th>Primary therapist</Table.Th>
            <Table.Th>Care team</Table.Th>
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
                {patient.dateOfBirth === undefined ? '—' : formatCalendarDate(patient.dateOfBirth)}
              </Table.Td>
              <Table.Td>
                {patient.status !== undefined && (
                  <Badge variant="light" color={patientStatusColors[patient.status] ?? 'gray'}>
                    {patientStatusLabels[patient.status] ?? patient.status}
                  </Badge>
                )}
              </Table.Td>
              {showsLevelOfCare && (
                <Table.Td>
                  <Text size="sm" c={patient.currentEpisode == null ? 'dimmed' : undefined}>
                    {levelOfCareText(patient.currentEpisode)}
                  </Text>
                </Table.Td>
              )}
              <Table.Td>
                <PrimaryTherapistText patient={patient} />
              </Table.Td>
              <Table.Td>
                {patient.onMyCareTeam && (
                  <Badge variant="dot" color="blue">
                    My care team
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
