import { Skeleton, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { patientListQueryOptions } from '../api.ts';
import { PatientTable } from '../components/PatientTable.tsx';

export function PatientListPage() {
  // The search is a name: it stays in the page, never in the URL or the browser history.
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const patients = useQuery({ ...patientListQueryOptions(debounced), placeholderData: keepPreviousData });
  return (
    <Stack gap="lg">
      <PageHeader title="Patients" description="Your caseload first, then everyone in the program." />
      <TextInput
        aria-label="Search patients"
        placeholder="Search by name or MRN"
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maxLength={100}
        maw={420}
        autoComplete="off"
      />
      {patients.isPending && (
        <Stack gap="xs" aria-busy="true" aria-label="Loading patients">
          {[0, 1, 2, 3].map((row) => (
            <Skeleton key={row} height={32} />
          ))}
        </Stack>
      )}
      {patients.isError && <ErrorPanel error={patients.error} onRetry={() => void patients.refetch()} />}
      {patients.isSuccess && <PatientTable patients={patients.data} searched={debounced !== ''} />}
    </Stack>
  );
}
