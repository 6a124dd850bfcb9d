import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useProgramToday } from '../../app/program-today.ts';
import type { PatientRecord } from '../api.ts';
import {
  ageOn,
  careTeamRoleLabels,
  displayName,
  formatCalendarDate,
  patientStatusColors,
  patientStatusLabels,
} from '../labels.ts';

/** Who this is, at a glance: names, MRN, date of birth and age, pronouns, status, and who cares for them. */
export function PatientHeader({ record }: { record: PatientRecord }) {
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
            {patientStatusLabels[record.status] ?? record.status}
          </Badge>
        </Group>
        <Group gap="xl" wrap="wrap">
          {goesBy !== legal && <HeaderFact label="Legal name">{legal}</HeaderFact>}
          <HeaderFact label="MRN">
            <Text span ff="monospace" size="sm">
              {record.mrn}
            </Text>
          </HeaderFact>
          <HeaderFact label="Date of birth">
            {formatCalendarDate(record.dateOfBirth)} (age {ageOn(record.dateOfBirth, today)})
          </HeaderFact>
          <HeaderFact label="Care team">
            {record.careTeam.length === 0
              ? 'Nobody assigned'
              : record.careTeam
                  .map((member) => `${member.displayName} (${careTeamRoleLabels[member.role]})`)
                  .join(', ')}
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
