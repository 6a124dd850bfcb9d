import { EmptyState, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { categoryList } from '../../consents/labels.ts';
import { portalPatientsQueryOptions } from '../api.ts';

/** The family member's start: each patient sharing with them today, and what they share. */
export function SharedWithYouList() {
  const patients = useQuery(portalPatientsQueryOptions);
  if (patients.isPending) return <Skeleton height={72} aria-label="Loading what is shared with you" />;
  if (patients.isError) return <ErrorPanel error={patients.error} onRetry={() => void patients.refetch()} />;
  const sharing = patients.data.filter((patient) => patient.relationship === 'support_contact');
  if (sharing.length === 0) {
    return (
      <EmptyState
        icon={<IconLock />}
        withIndicatorBackground
        title="Nothing is shared with you right now"
        description="When the patient consents in writing to share information with you, it appears here."
      />
    );
  }
  return (
    <Stack gap="sm">
      {sharing.map((patient) => (
        <Paper key={patient.patientId} withBorder p="md">
          <AnchorLink
            to="/shared/$patientId"
            params={{ patientId: patient.patientId }}
            preload={false}
            underline="never"
          >
            <Stack gap={2}>
              <Text fw={600}>
                What {patient.name} shares with you <IconChevronRight size={14} />
              </Text>
              <Text size="sm" c="dimmed">
                {categoryList(patient.sharedCategories)}
              </Text>
            </Stack>
          </AnchorLink>
        </Paper>
      ))}
    </Stack>
  );
}
