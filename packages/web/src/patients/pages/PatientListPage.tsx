import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChevronLeft, IconChevronRight, IconUserPlus } from '@tabler/icons-react';
import { patientListFilterReach } from '@tandem/core/access/patient-list';
import { isStaffRole } from '@tandem/core/identity/roles';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { ButtonLink } from '../../app/links.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { patientPageQueryOptions } from '../api.ts';
import { PatientListFilters } from '../components/PatientListFilters.tsx';
import { PatientTable } from '../components/PatientTable.tsx';
import {
  describePage,
  emptyPatientListFilters,
  type PatientListFilters as Filters,
  isFiltered,
  patientListPageSize,
  toPatientListRequest,
} from '../list-filters.ts';

export function PatientListPage() {
  const intl = useIntl();
  const me = useMe();
  // The search is a name: it stays in the page and goes in a POST body, never in the URL or the browser history.
  const [filters, setFilters] = useState<Filters>(emptyPatientListFilters);
  const [offset, setOffset] = useState(0);
  const [debouncedSearch] = useDebouncedValue(filters.search.trim(), 250);
  const request = toPatientListRequest({ ...filters, search: debouncedSearch }, offset);
  const patients = useQuery({ ...patientPageQueryOptions(request), placeholderData: keepPreviousData });
  const changeFilters = (next: Filters) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start">
        <PageHeader
          title={intl.formatMessage({ id: 'patients.patientListPage.title', defaultMessage: 'Patients' })}
          description={intl.formatMessage({
            id: 'patients.patientListPage.description',
            defaultMessage:
              'Your caseload first, then everyone in the program. Levels of care show on your care team’s patients.',
          })}
        />
        {isStaffRole(me.role) && (
          <ButtonLink to="/patients/new" leftSection={<IconUserPlus size={16} />}>
            <FormattedMessage
              id="patients.patientListPage.registerPatient"
              defaultMessage="Register patient"
            />
          </ButtonLink>
        )}
      </Group>
      <PatientListFilters
        filters={filters}
        onChange={changeFilters}
        showTherapist={isStaffRole(me.role)}
        showLevelOfCare={patientListFilterReach(me.role, 'currentEpisode') !== 'none'}
      />
      {patients.isPending && (
        <Stack
          gap="xs"
          aria-busy="true"
          aria-label={intl.formatMessage({
            id: 'patients.patientListPage.loading',
            defaultMessage: 'Loading patients',
          })}
        >
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={32} />
          ))}
        </Stack>
      )}
      {patients.isError && <ErrorPanel error={patients.error} onRetry={() => void patients.refetch()} />}
      {patients.isSuccess && (
        <Stack gap="sm">
          <PatientTable patients={patients.data.items} searched={isFiltered(filters)} />
          <Group justify="space-between">
            <Text size="sm" c="dimmed" aria-live="polite">
              {describePage(intl, patients.data, offset)}
            </Text>
            {(offset > 0 || patients.data.nextOffset !== null) && (
              <Group gap="xs">
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconChevronLeft size={14} />}
                  disabled={offset === 0}
                  onClick={() => setOffset(Math.max(0, offset - patientListPageSize))}
                >
                  <FormattedMessage id="patients.patientListPage.previous" defaultMessage="Previous" />
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  rightSection={<IconChevronRight size={14} />}
                  disabled={patients.data.nextOffset === null}
                  onClick={() => setOffset(patients.data.nextOffset ?? offset)}
                >
                  <FormattedMessage id="patients.patientListPage.next" defaultMessage="Next" />
                </Button>
              </Group>
            )}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
