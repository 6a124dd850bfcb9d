import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { patientListQueryOptions } from '../../patients/api.ts';
import { rowName } from '../../patients/labels.ts';

interface PatientPickerProps {
  value: string | undefined;
  /** What to call the chosen patient before a search has found them (e.g. from the events on screen). */
  knownLabel: string | undefined;
  onChange: (patientId: string | undefined) => void;
}

/** Chooses a patient by typing part of a name or an MRN; the search itself stays out of the URL. */
export function PatientPicker({ value, knownLabel, onChange }: PatientPickerProps) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosenLabel, setChosenLabel] = useState<string | undefined>(undefined);
  const found = useQuery({
    ...patientListQueryOptions(debounced, 20),
    enabled: debounced.trim().length >= 2,
  });

  const data = useMemo(() => {
    const options = (found.data ?? []).map((patient) => ({
      value: patient.id,
      label: patient.mrn === undefined ? rowName(patient) : `${rowName(patient)} · MRN ${patient.mrn}`,
    }));
    if (value !== undefined && !options.some((option) => option.value === value)) {
      options.unshift({ value, label: chosenLabel ?? knownLabel ?? 'Selected patient' });
    }
    return options;
  }, [found.data, value, chosenLabel, knownLabel]);

  return (
    <Select
      label="Patient"
      placeholder="Type a name or MRN"
      searchable
      clearable
      data={data}
      value={value ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(patientId, option) => {
        setChosenLabel(option?.label);
        onChange(patientId ?? undefined);
      }}
      nothingFoundMessage={debounced.trim().length >= 2 ? 'No patient found' : 'Type at least 2 characters'}
      filter={({ options }) => options}
      w={{ base: '100%', sm: 260 }}
    />
  );
}
