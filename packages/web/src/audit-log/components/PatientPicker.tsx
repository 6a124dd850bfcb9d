import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { patientListQueryOptions } from '../../patients/api.ts';
import { rowName } from '../../patients/labels.ts';

const messages = defineMessages({
  selectedPatient: { id: 'auditLog.patientPicker.selectedPatient', defaultMessage: 'Selected patient' },
  patient: { id: 'auditLog.patientPicker.patient', defaultMessage: 'Patient' },
  placeholder: { id: 'auditLog.patientPicker.placeholder', defaultMessage: 'Type a name or MRN' },
  noPatientFound: { id: 'auditLog.patientPicker.noPatientFound', defaultMessage: 'No patient found' },
  typeMore: { id: 'auditLog.patientPicker.typeMore', defaultMessage: 'Type at least 2 characters' },
});

interface PatientPickerProps {
  value: string | undefined;
  /** What to call the chosen patient before a search has found them (e.g. from the events on screen). */
  knownLabel: string | undefined;
  onChange: (patientId: string | undefined) => void;
}

/** Chooses a patient by typing part of a name or an MRN; the search itself stays out of the URL. */
export function PatientPicker({ value, knownLabel, onChange }: PatientPickerProps) {
  const intl = useIntl();
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
      label:
        patient.mrn === undefined
          ? rowName(patient)
          : intl.formatMessage(
              { id: 'auditLog.patientPicker.patientWithMrn', defaultMessage: '{name} · MRN {mrn}' },
              { name: rowName(patient), mrn: patient.mrn },
            ),
    }));
    if (value !== undefined && !options.some((option) => option.value === value)) {
      options.unshift({
        value,
        label: chosenLabel ?? knownLabel ?? intl.formatMessage(messages.selectedPatient),
      });
    }
    return options;
  }, [found.data, value, chosenLabel, knownLabel, intl]);

  return (
    <Select
      label={intl.formatMessage(messages.patient)}
      placeholder={intl.formatMessage(messages.placeholder)}
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
      nothingFoundMessage={intl.formatMessage(
        debounced.trim().length >= 2 ? messages.noPatientFound : messages.typeMore,
      )}
      filter={({ options }) => options}
      w={{ base: '100%', sm: 260 }}
    />
  );
}
