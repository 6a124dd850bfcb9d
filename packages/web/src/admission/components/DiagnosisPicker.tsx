import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { type DiagnosisCatalogEntry, diagnosisSearchQueryOptions } from '../api.ts';

const messages = defineMessages({
  description: {
    id: 'admission.diagnosisPicker.description',
    defaultMessage: 'Type a code (F11.2) or words (opioid dependence)',
  },
  placeholder: { id: 'admission.diagnosisPicker.placeholder', defaultMessage: 'Search ICD-10-CM F10-F19' },
  typeMore: { id: 'admission.diagnosisPicker.typeMore', defaultMessage: 'Type at least two characters' },
  nothingFound: { id: 'admission.diagnosisPicker.nothingFound', defaultMessage: 'No billable code matches' },
});

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
  error?: ReactNode;
  exclude?: readonly string[];
}) {
  const intl = useIntl();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const results = useQuery(diagnosisSearchQueryOptions(debounced));
  const found = (results.data ?? []).filter((diagnosis) => !exclude.includes(diagnosis.code));
  return (
    <Select
      label={label}
      description={intl.formatMessage(messages.description)}
      placeholder={intl.formatMessage(messages.placeholder)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      value={null}
      data={found.map((diagnosis) => ({
        value: diagnosis.code,
        label: `${diagnosis.code} — ${diagnosis.description}`,
      }))}
      filter={({ options }) => options}
      nothingFoundMessage={intl.formatMessage(
        debounced.length < 2 ? messages.typeMore : messages.nothingFound,
      )}
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
