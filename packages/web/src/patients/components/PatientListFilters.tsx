import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch, IconX } from '@tabler/icons-react';
import { patientStatuses } from '@tandem/core/patients/status';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { staffListQueryOptions } from '../../staff/api.ts';
import { patientStatusLabels } from '../labels.ts';
import {
  emptyPatientListFilters,
  type PatientListFilters as Filters,
  isFiltered,
  levelOptions,
  settingOptions,
} from '../list-filters.ts';

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
  const intl = useIntl();
  const staff = useQuery({ ...staffListQueryOptions, enabled: showTherapist });
  const statusOptions = patientStatuses.map((status) => ({
    value: status,
    label: intl.formatMessage(patientStatusLabels[status]),
  }));
  const therapists = (staff.data ?? [])
    .filter((member) => member.active && (member.role === 'clinician' || member.role === 'supervisor'))
    .map((member) => ({ value: member.id, label: member.displayName }));
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => onChange({ ...filters, [key]: value });
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <TextInput
        label={intl.formatMessage({ id: 'patients.listFilters.search', defaultMessage: 'Search' })}
        aria-label={intl.formatMessage({
          id: 'patients.listFilters.searchPatients',
          defaultMessage: 'Search patients',
        })}
        placeholder={intl.formatMessage({
          id: 'patients.listFilters.searchPlaceholder',
          defaultMessage: 'Name, MRN or date of birth (MM/DD/YYYY)',
        })}
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
        label={intl.formatMessage({ id: 'patients.listFilters.status', defaultMessage: 'Status' })}
        placeholder={intl.formatMessage({
          id: 'patients.listFilters.anyStatus',
          defaultMessage: 'Any status',
        })}
        data={statusOptions}
        value={filters.status}
        onChange={(value) => set('status', value as Filters['status'])}
        clearable
        w={150}
      />
      {showLevelOfCare && (
        <>
          <Select
            label={intl.formatMessage({ id: 'patients.listFilters.setting', defaultMessage: 'Setting' })}
            placeholder={intl.formatMessage({
              id: 'patients.listFilters.anySetting',
              defaultMessage: 'Any setting',
            })}
            data={settingOptions(intl)}
            value={filters.setting}
            onChange={(value) => set('setting', value as Filters['setting'])}
            clearable
            w={210}
          />
          <Select
            label={intl.formatMessage({
              id: 'patients.listFilters.levelOfCare',
              defaultMessage: 'Level of care',
            })}
            placeholder={intl.formatMessage({
              id: 'patients.listFilters.anyAsamLevel',
              defaultMessage: 'Any ASAM level',
            })}
            data={levelOptions(intl)}
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
          label={intl.formatMessage({
            id: 'patients.listFilters.primaryTherapist',
            defaultMessage: 'Primary therapist',
          })}
          placeholder={intl.formatMessage({
            id: 'patients.listFilters.anyTherapist',
            defaultMessage: 'Any therapist',
          })}
          data={therapists}
          value={filters.therapistStaffMemberId}
          onChange={(value) => set('therapistStaffMemberId', value)}
          searchable
          clearable
          nothingFoundMessage={intl.formatMessage({
            id: 'patients.listFilters.noSuchClinician',
            defaultMessage: 'No such clinician',
          })}
          w={230}
        />
      )}
      {isFiltered(filters) && (
        <Button
          variant="subtle"
          leftSection={<IconX size={16} />}
          onClick={() => onChange(emptyPatientListFilters)}
        >
          <FormattedMessage id="patients.listFilters.clear" defaultMessage="Clear" />
        </Button>
      )}
    </Group>
  );
}
