import { EmptyState, Paper, Skeleton, Stack, Text } from '@mantine/core';
import { IconChevronRight, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { categoryList } from '../../consents/labels.ts';
import { portalPatientsQueryOptions } from '../api.ts';

/** The family member's start: each patient sharing with them today, and what they share. */
export function SharedWithYouList() {
  const patients = useQuery(portalPatientsQueryOptions);
  const intl = useIntl();
  if (patients.isPending) {
    return (
      <Skeleton
        height={72}
        aria-label={intl.formatMessage({
          id: 'disclosures.sharedWithYouList.loading',
          defaultMessage: 'Loading what is shared with you',
        })}
      />
    );
  }
  if (patients.isError) return <ErrorPanel error={patients.error} onRetry={() => void patients.refetch()} />;
  const sharing = patients.data.filter((patient) => patient.relationship === 'support_contact');
  if (sharing.length === 0) {
    return (
      <EmptyState
        icon={<IconLock />}
        withIndicatorBackground
        title={intl.formatMessage({
          id: 'disclosures.sharedWithYouList.emptyTitle',
          defaultMessage: 'Nothing is shared with you right now',
        })}
        description={intl.formatMessage({
          id: 'disclosures.sharedWithYouList.empty',
          defaultMessage:
            'When the patient consents in writing to share information with you, it appears here.',
        })}
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
                <FormattedMessage
                  id="disclosures.sharedWithYouList.patient"
                  defaultMessage="What {patient} shares with you"
                  values={{ patient: patient.name }}
                />{' '}
                <IconChevronRight size={14} />
              </Text>
              <Text size="sm" c="dimmed">
                {categoryList(intl, patient.sharedCategories)}
              </Text>
            </Stack>
          </AnchorLink>
        </Paper>
      ))}
    </Stack>
  );
}
