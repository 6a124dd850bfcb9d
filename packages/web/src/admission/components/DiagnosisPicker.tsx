import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type DiagnosisCatalogEntry, diagnosisSearchQueryOptions } from '../api.ts';

/**
 * Search-as-you-type over ICD-10-CM F10-F19, by code ("F11.2") or words ("opioid withdrawal"), billable codes
 * only. The server ranks; the list shows what it found, unfiltered.
 */
export function DiagnosisPicker({
  label,
  onPick,
  error,
  exclude = [],
}: {
  label: string;
  onPick: (diagnosis: DiagnosisCatalogEntry) => void;
  error?: string | undefined;
  exclude?: readonly string[];
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery(diagnosisSearchQueryOptions(debounced));
  const found = (results.data ?? []).filter((diagnosis) => !exclude.includes(diagnosis.code));
  return (
    <Select
      label={label}
      description="Type a code (F11.2) or words (opioid dependence)"
      placeholder="Search ICD-10-CM F10-F19"
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      data={found.map((diagnosis) => ({
        value: diagnosis.code,
        label: `${diagnosis.code} — ${diagnosis.description}`,
      }))}
      filter={({ options }) => options}
      nothingFoundMessage={debounced.length < 2 ? 'Type at least two characters' : 'No billable code matches'}
      onChange={(code) => {
        const picked = found.find((diagnosis) => diagnosis.code === code);
        if (picked !== undefined) {
          onPick(picked);
          setSearch('');
        }
      }}
      error={error}
      maxDropdownHeight={300}
    />
  );
}
