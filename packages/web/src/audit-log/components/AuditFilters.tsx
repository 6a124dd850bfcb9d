import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconDownload, IconFilterOff } from '@tabler/icons-react';
import { organizationResources, patientResources } from '@tandem/core/access/resources';
import { auditOutcomes } from '@tandem/core/audit/audit-chain';
import { useQuery } from '@tanstack/react-query';
import { useIntl } from 'react-intl';
import { organizationMembersQueryOptions } from '../api.ts';
import { auditCsvHref, dateRangeError, type AuditFilters as Filters, hasFilters } from '../filters.ts';
import { actionLabel, knownActions, outcomeLabels, resourceLabel } from '../labels.ts';
import { roleLabel } from './ActorCell.tsx';
import { PatientPicker } from './PatientPicker.tsx';

const resourceOptions = [...patientResources, ...organizationResources, 'break_glass_grant']
  .map((resource) => ({ value: resource, label: resourceLabel(resource) }))
  .sort((a, b) => a.label.localeCompare(b.label));

interface AuditFiltersProps {
  filters: Filters;
  onChange: (filters: Filters) => void;
  /** The chosen patient's name, when the events on screen know it. */
  patientLabel: string | undefined;
}

export function AuditFilters({ filters, onChange, patientLabel }: AuditFiltersProps) {
  const intl = useIntl();
  const members = useQuery(organizationMembersQueryOptions);
  const set = (key: keyof Filters, value: string | null | undefined) =>
    onChange({ ...filters, [key]: value === null || value === '' ? undefined : value });
  const rangeError = dateRangeError(filters);

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label="Filter the audit trail">
      <Select
        label="Person"
        placeholder="Anyone"
        searchable
        clearable
        data={(members.data ?? []).map((member) => ({
          value: member.userId,
          label: `${member.name} · ${roleLabel(intl, member.role)}`,
        }))}
        value={filters.userId ?? null}
        onChange={(value) => set('userId', value)}
        nothingFoundMessage="Nobody by that name"
        w={{ base: '100%', sm: 240 }}
      />
      <PatientPicker
        value={filters.patientId}
        knownLabel={patientLabel}
        onChange={(patientId) => set('patientId', patientId)}
      />
      <TextInput
        label="From"
        type="date"
        value={filters.from ?? ''}
        onChange={(event) => set('from', event.currentTarget.value)}
        w={{ base: '48%', sm: 160 }}
      />
      <TextInput
        label="To"
        type="date"
        value={filters.to ?? ''}
        onChange={(event) => set('to', event.currentTarget.value)}
        error={rangeError}
        w={{ base: '48%', sm: 160 }}
      />
      <Select
        label="Action"
        placeholder="Any"
        clearable
        data={knownActions.map((action) => ({ value: action, label: actionLabel(action) }))}
        value={filters.action ?? null}
        onChange={(value) => set('action', value)}
        w={{ base: '48%', sm: 160 }}
      />
      <Select
        label="Outcome"
        placeholder="Any"
        clearable
        data={auditOutcomes.map((outcome) => ({ value: outcome, label: outcomeLabels[outcome] }))}
        value={filters.outcome ?? null}
        onChange={(value) => set('outcome', value)}
        w={{ base: '48%', sm: 160 }}
      />
      <Select
        label="Record part"
        placeholder="Any"
        searchable
        clearable
        data={resourceOptions}
        value={filters.resourceType ?? null}
        onChange={(value) => set('resourceType', value)}
        w={{ base: '100%', sm: 200 }}
      />
      <Group gap="xs">
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          disabled={!hasFilters(filters)}
          onClick={() => onChange({})}
        >
          Clear
        </Button>
        <Button
          component="a"
          href={rangeError === undefined ? auditCsvHref(filters) : undefined}
          download
          variant="light"
          leftSection={<IconDownload size={16} />}
          disabled={rangeError !== undefined}
        >
          Export CSV
        </Button>
      </Group>
    </Group>
  );
}
