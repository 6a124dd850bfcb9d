import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { formatDateTime } from '../../consents/labels.ts';
import { type SharedRecord, sharedRecordQueryOptions } from '../api.ts';
import { RedisclosureNotice } from '../components/RedisclosureNotice.tsx';

/** A support contact's view of what a patient shares with them, under the consents in effect right now. */
export function SharedRecordPage({ patientId }: { patientId: string }) {
  const shared = useQuery(sharedRecordQueryOptions(patientId));
  return (
    <Stack gap="lg">
      <AnchorLink to="/" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          Back
        </Group>
      </AnchorLink>
      {shared.isPending && <Skeleton height={240} aria-label="Loading what is shared with you" />}
      {shared.isError &&
        ([403, 404].includes(describeProblem(shared.error).status) ? (
          <Alert color="gray" variant="light" icon={<IconLock />} title="Nothing is shared with you here">
            {describeProblem(shared.error).detail} The patient decides what to share, and can change it at any
            time.
          </Alert>
        ) : (
          <ErrorPanel error={shared.error} onRetry={() => void shared.refetch()} />
        ))}
      {shared.isSuccess && <SharedRecordView shared={shared.data} />}
    </Stack>
  );
}

function SharedRecordView({ shared }: { shared: SharedRecord }) {
  return (
    <Stack gap="lg" data-testid="shared-record">
      <Stack gap={4}>
        <Title order={1} size="h2">
          What {shared.patient.name} shares with you
        </Title>
        <Text size="sm" c="dimmed">
          Shown {formatDateTime(shared.disclosedAt)}. This view is recorded, and {shared.patient.name} can see
          that you opened it.
        </Text>
      </Stack>
      <RedisclosureNotice notice={shared.redisclosureNotice} statement={shared.redisclosureStatement} />
      {shared.sections.map((section) => (
        <Paper key={section.category} withBorder p="md" data-category={section.category}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              {section.label}
            </Title>
            {section.entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                {section.emptyMessage}
              </Text>
            ) : (
              section.entries.map((entry) => (
                <Text key={`${entry.date}-${entry.title}`} size="sm">
                  {entry.date !== null && <b>{entry.date} </b>}
                  {entry.title}
                  {entry.detail !== null && `: ${entry.detail}`}
                </Text>
              ))
            )}
          </Stack>
        </Paper>
      ))}
      <Stack gap="xs">
        <Title order={2} size="h5">
          Under which consent
        </Title>
        {shared.consents.map((consent) => (
          <Text key={consent.id} size="sm" c="dimmed">
            {consent.scope}
          </Text>
        ))}
      </Stack>
      <Text size="sm" fw={700} ta="center">
        {shared.redisclosureNotice}
      </Text>
    </Stack>
  );
}
