import { Alert, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconLockOpen } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { clinicalAccess, offersBreakGlass } from '../../access/policy.ts';
import { formatShortTime } from '../../audit-log/labels.ts';
import type { RecordTabContext } from '../record-tab-context.ts';

/** The Overview tab: contact details, and whether the care team's clinical content is open to the viewer. */
export function RecordOverview({ record, viewer, now, onBreakGlass }: RecordTabContext) {
  const clinical = clinicalAccess(viewer, record, now);
  return (
    <Stack gap="lg">
      {clinical.allowed ? (
        <Alert color="teal" variant="light" icon={<IconLockOpen />} title="Clinical record open">
          {clinical.basis === 'break_glass' && record.access.breakGlassExpiresAt
            ? `Under emergency access until ${formatShortTime(record.access.breakGlassExpiresAt)}.`
            : 'You are on this patient’s care team.'}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" icon={<IconLock />} title="Clinical record closed to you">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{clinical.reason}</Text>
            {offersBreakGlass(viewer, record, now) && (
              <Button color="red" variant="filled" onClick={onBreakGlass}>
                Break the glass
              </Button>
            )}
          </Stack>
        </Alert>
      )}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} size="h4">
            Contact and identity
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="lg" verticalSpacing="md">
            <Fact label="Phone">{record.phone}</Fact>
            <Fact label="Email">{record.email}</Fact>
            <Fact label="Preferred language">{languageName(record.preferredLanguage)}</Fact>
            <Fact label="Sex assigned at birth">{record.sexAssignedAtBirth}</Fact>
            <Fact label="Gender identity">{record.genderIdentity}</Fact>
            <Fact label="Pronouns">{record.pronouns}</Fact>
          </SimpleGrid>
        </Stack>
      </Paper>
    </Stack>
  );
}

const languageNames = new Intl.DisplayNames(undefined, { type: 'language' });
function languageName(tag: string): string {
  try {
    return languageNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" c={empty ? 'dimmed' : undefined}>
        {empty ? 'Not recorded' : children}
      </Text>
    </Stack>
  );
}
