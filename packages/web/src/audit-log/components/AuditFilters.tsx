import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconDownload, IconFilterOff } from '@tabler/icons-react';
import { organizationResources, patientResources } from '@tandem/core/access/resources';
import { auditOutcomes } from '@tandem/core/audit/audit-chain';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { organizationMembersQueryOptions } from '../api.ts';
import { auditCsvHref, dateRangeError, type AuditFilters as Filters, hasFilters } from '../filters.ts';
import { actionLabel, knownActions, outcomeLabels, resourceLabel } from '../labels.ts';
import { roleLabel } from './ActorCell.tsx';
import { PatientPicker } from './PatientPicker.tsx';

const filterableResources = [...patientResources, ...organizationResources, 'break_glass_grant'];

const messages = defineMessages({
  filterTrail: { id: 'auditLog.auditFilters.filterTrail', defaultMessage: 'Filter the audit trail' },
  person: { id: 'auditLog.auditFilters.person', defaultMessage: 'Person' },
  anyone: { id: 'auditLog.auditFilters.anyone', defaultMessage: 'Anyone' },
  nobodyByThatName: { id: 'auditLog.auditFilters.nobodyByThatName', defaultMessage: 'Nobody by that name' },
  from: { id: 'auditLog.auditFilters.from', defaultMessage: 'From' },
  to: { id: 'auditLog.auditFilters.to', defaultMessage: 'To' },
  action: { id: 'auditLog.auditFilters.action', defaultMessage: 'Action' },
  outcome: { id: 'auditLog.auditFilters.outcome', defaultMessage: 'Outcome' },
  recordPart: { id: 'auditLog.auditFilters.recordPart', defaultMessage: 'Record part' },
  any: { id: 'auditLog.auditFilters.any', defaultMessage: 'Any' },
});

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
  const resourceOptions = useMemo(
    () =>
      filterableResources
        .map((resource) => ({ value: resource, label: resourceLabel(intl, resource) }))
        .sort((a, b) => a.label.localeCompare(b.label, intl.locale)),
    [intl],
  );

  return (
    <Group
      align="flex-end"
      gap="sm"
      wrap="wrap"
      role="search"
      aria-label={intl.formatMessage(messages.filterTrail)}
    >
      <Select
        label={intl.formatMessage(messages.person)}
        placeholder={intl.formatMessage(messages.anyone)}
        searchable
        clearable
        data={(members.data ?? []).map((member) => ({
          value: member.userId,
          label: `${member.name} · ${roleLabel(intl, member.role)}`,
        }))}
        value={filters.userId ?? null}
        onChange={(value) => set('userId', value)}
        nothingFoundMessage={intl.formatMessage(messages.nobodyByThatName)}
        w={{ base: '100%', sm: 240 }}
      />
      <PatientPicker
        value={filters.patientId}
        knownLabel={patientLabel}
        onChange={(patientId) => set('patientId', patientId)}
      />
      <TextInput
        label={intl.formatMessage(messages.from)}
        type="date"
        value={filters.from ?? ''}
        onChange={(event) => set('from', event.currentTarget.value)}
        w={{ base: '48%', sm: 160 }}
      />
      <TextInput
        label={intl.formatMessage(messages.to)}
        type="date"
        value={filters.to ?? ''}
        onChange={(event) => set('to', event.currentTarget.value)}
        error={rangeError && intl.formatMessage(rangeError)}
        w={{ base: '48%', sm: 160 }}
      />
      <Select
        label={intl.formatMessage(messages.action)}
        placeholder={intl.formatMessage(messages.any)}
        clearable
        data={knownActions.map((action) => ({ value: action, label: actionLabel(intl, action) }))}
        value={filters.action ?? null}
        onChange={(value) => set('action', value)}
        w={{ base: '48%', sm: 160 }}
      />
      <Select
        label={intl.formatMessage(messages.outcome)}
        placeholder={intl.formatMessage(messages.any)}
        clearable
        data={auditOutcomes.map((outcome) => ({
          value: outcome,
          label: intl.formatMessage(outcomeLabels[outcome]),
        }))}
        value={filters.outcome ?? null}
        onChange={(value) => set('outcome', value)}
        w={{ base: '48%', sm: 160 }}
      />
      <Select
        label={intl.formatMessage(messages.recordPart)}
        placeholder={intl.formatMessage(messages.any)}
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
          <FormattedMessage id="auditLog.auditFilters.clear" defaultMessage="Clear" />
        </Button>
        <Button
          component="a"
          href={rangeError === undefined ? auditCsvHref(filters) : undefined}
          download
          variant="light"
          leftSection={<IconDownload size={16} />}
          disabled={rangeError !== undefined}
        >
          <FormattedMessage id="auditLog.auditFilters.exportCsv" defaultMessage="Export CSV" />
        </Button>
      </Group>
    </Group>
  );
}
