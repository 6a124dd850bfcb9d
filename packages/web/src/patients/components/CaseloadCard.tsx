import { EmptyState, Skeleton, Table, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { DashboardSection } from '../../dashboard/components/DashboardSection.tsx';
import { patientPageQueryOptions } from '../api.ts';
import { formatCalendarDate } from '../labels.ts';
import { levelOfCareText } from '../list-filters.ts';
import { PatientRecordLink, PrimaryTherapistText } from './PatientCells.tsx';

/** How many of the caller's patients the dashboard lists; the patient list has them all. */
const caseloadShown = 25;

/**
 * The dashboard's "My caseload": the patients in treatment whose current care team the caller is on, with their
 * level of care and since when. Filtered by the server (care team "mine"), like every list.
 */
export function CaseloadCard() {
  const intl = useIntl();
  const caseload = useQuery(
    patientPageQueryOptions({ careTeam: 'mine', status: 'active', limit: caseloadShown, offset: 0 }),
  );
  return (
    <DashboardSection
      title={intl.formatMessage({ id: 'patients.caseloadCard.title', defaultMessage: 'My caseload' })}
    >
      {caseload.isPending && (
        <Skeleton
          height={60}
          aria-label={intl.formatMessage({
            id: 'patients.caseloadCard.loading',
            defaultMessage: 'Loading your caseload',
          })}
        />
      )}
      {caseload.isError && <ErrorPanel error={caseload.error} onRetry={() => void caseload.refetch()} />}
      {caseload.isSuccess && caseload.data.items.length === 0 && (
        <EmptyState
          icon={<IconUsers />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'patients.caseloadCard.emptyTitle',
            defaultMessage: 'No patients are assigned to you yet',
          })}
          description={intl.formatMessage({
            id: 'patients.caseloadCard.emptyDescription',
            defaultMessage: 'When a patient is admitted and you join their care team, they appear here.',
          })}
        />
      )}
      {caseload.isSuccess && caseload.data.items.length > 0 && (
        <>
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing="xs" data-testid="my-caseload">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <FormattedMessage id="patients.caseloadCard.patient" defaultMessage="Patient" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="patients.caseloadCard.levelOfCare" defaultMessage="Level of care" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage id="patients.caseloadCard.admitted" defaultMessage="Admitted" />
                  </Table.Th>
                  <Table.Th>
                    <FormattedMessage
                      id="patients.caseloadCard.primaryTherapist"
                      defaultMessage="Primary therapist"
                    />
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {caseload.data.items.map((patient) => (
                  <Table.Tr key={patient.id}>
                    <Table.Td>
                      <PatientRecordLink patient={patient} />{' '}
                      {patient.mrn !== undefined && (
                        <Text span size="xs" c="dimmed">
                          <FormattedMessage
                            id="patients.caseloadCard.mrn"
                            defaultMessage="MRN {mrn}"
                            values={{ mrn: patient.mrn }}
                          />
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{levelOfCareText(intl, patient.currentEpisode)}</Table.Td>
                    <Table.Td>
                      {patient.currentEpisode == null
                        ? '—'
                        : formatCalendarDate(intl, patient.currentEpisode.admittedOn)}
                    </Table.Td>
                    <Table.Td>
                      <PrimaryTherapistText patient={patient} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {caseload.data.total > caseload.data.items.length && (
            <AnchorLink to="/patients" size="sm" mt="sm" display="block">
              <FormattedMessage
                id="patients.caseloadCard.allPatients"
                defaultMessage="{total, plural, one {# patient} other {# patients}} in all: the patient list shows your caseload first"
                values={{ total: caseload.data.total }}
              />
            </AnchorLink>
          )}
        </>
      )}
    </DashboardSection>
  );
}
