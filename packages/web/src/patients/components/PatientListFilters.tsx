import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { patientStatuses, patientStatusLabels } from '@tandem/core/patients/status';
import { useQuery } from '@tanstack/react-query';
import { staffListQueryOptions } from '../../staff/api.ts';
import {
  emptyPatientListFilters,
  type PatientListFilters as Filters,
  isFiltered,
  levelOptions,
  settingOptions,
} from '../list-filters.ts';

const statusOptions = patientStatuses.map((status) => ({
  value: status,
  label: patientStatusLabels[status],
}));

interface PatientListFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** Staff choose a primary therapist from the staff directory; patients and families do not see it. */
  showTherapist: boolean;
  /** Setting and level of care: only for a role that may read some patients' episodes (not the front desk). */
  showLevelOfCare: boolean;
}

/** The search box and the filters of the patient list, all reachable and clearable from the keyboard. */
export function PatientListFilters({
  filters,
  onChange,
  showTherapist,
  showLevelOfCare,
}: PatientListFiltersProps) {
  const staff = useQuery({ ...staffListQueryOptions, enabled: showTherapist });
  const therapists = (staff.data ?? [])
    .filter((member) => member.active && (member.role === 'clinician' || member.role === 'supervisor'))
    .map((member) => ({ value: member.id, label: member.displayName }));
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label="Search"
        aria-label="Search patients"
        placeholder="Name, MRN or date of birth (MM/DD/YYYY)"
        leftSection={<IconSearch size={16} />}
        value={filters.search}
        onChange={(event) => set('search', event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && filters.search !== '') set('search', '');
        }}
        maxLength={100}
        w={{ base: '100%', sm: 340 }}
        autoComplete="off"
        data-autofocus
      />
      <Select
        label="Status"
        placeholder="Any status"
        data={statusOptions}
        value={filters.status}
        onChange={(value) => set('status', value as Filters['status'])}
        clearable
        w={150}
      />
      {showLevelOfCare && (
        <>
          <Select
            label="Setting"
            placeholder="Any setting"
            data={settingOptions}
            value={filters.setting}
            onChange={(value) => set('setting', value as Filters['setting'])}
            clearable
            w={210}
          />
          <Select
            label="Level of care"
            placeholder="Any ASAM level"
            data={levelOptions}
            value={filters.level}
            onChange={(value) => set('level', value)}
            searchable
            clearable
            w={230}
            comboboxProps={{ width: 420, position: 'bottom-start' }}
          />
        </>
      )}
      {showTherapist && (
        <Select
          label="Primary therapist"
          placeholder="Any therapist"
          data={therapists}
          value={filters.therapistStaffMemberId}
          onChange={(value) => set('therapistStaffMemberId', value)}
          searchable
          clearable
          nothingFoundMessage="No such clinician"
          w={230}
        />
      )}
      {isFiltered(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconX size={16} />}
          onClick={() => onChange(emptyPatientListFilters)}
        >
          Clear
        </Button>
      )}
    </Group>
  );
}
