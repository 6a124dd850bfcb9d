import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { useProgramToday } from '../../app/program-today.ts';
import { careTeamRoleLabels } from '../../care-team/labels.ts';
import type { PatientRecord } from '../api.ts';
import {
  ageOn,
  displayName,
  formatCalendarDate,
  patientStatusColors,
  patientStatusLabel,
} from '../labels.ts';

/** Who this is, at a glance: names, MRN, date of birth and age, pronouns, status, and who cares for them. */
export function PatientHeader({ record }: { record: PatientRecord }) {
  const intl = useIntl();
  const today = useProgramToday();
  const legal = `${record.legalGivenName} ${record.legalFamilyName}`;
  const goesBy = displayName(record);
  return (
    <Paper withBorder p="lg" component="header">
      <Stack gap="sm">
        <Group gap="sm" align="baseline">
          <Title order={1} size="h2">
            {goesBy}
          </Title>
          {record.pronouns && <Text c="dimmed">({record.pronouns})</Text>}
          <Badge variant="light" color={patientStatusColors[record.status] ?? 'gray'}>
            {patientStatusLabel(intl, record.status)}
          </Badge>
        </Group>
        <Group gap="xl" wrap="wrap">
          {goesBy !== legal && (
            <HeaderFact
              label={intl.formatMessage({
                id: 'patients.patientHeader.legalName',
                defaultMessage: 'Legal name',
              })}
            >
              {legal}
            </HeaderFact>
          )}
          <HeaderFact label={intl.formatMessage({ id: 'patients.patientHeader.mrn', defaultMessage: 'MRN' })}>
            <Text span ff="monospace" size="sm">
              {record.mrn}
            </Text>
          </HeaderFact>
          <HeaderFact
            label={intl.formatMessage({
              id: 'patients.patientHeader.dateOfBirth',
              defaultMessage: 'Date of birth',
            })}
          >
            <FormattedMessage
              id="patients.patientHeader.dateOfBirthAndAge"
              defaultMessage="{date} (age {age})"
              values={{
                date: formatCalendarDate(intl, record.dateOfBirth),
                age: ageOn(record.dateOfBirth, today),
              }}
            />
          </HeaderFact>
          <HeaderFact
            label={intl.formatMessage({ id: 'patients.patientHeader.careTeam', defaultMessage: 'Care team' })}
          >
            {record.careTeam.length === 0 ? (
              <FormattedMessage id="patients.patientHeader.nobodyAssigned" defaultMessage="Nobody assigned" />
            ) : (
              intl.formatList(
                record.careTeam.map((member) =>
                  intl.formatMessage(
                    { id: 'patients.patientHeader.careTeamMember', defaultMessage: '{name} ({place})' },
                    { name: member.displayName, place: intl.formatMessage(careTeamRoleLabels[member.role]) },
                  ),
                ),
                { type: 'unit', style: 'short' },
              )
            )}
          </HeaderFact>
        </Group>
      </Stack>
    </Paper>
  );
}

function HeaderFact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}
