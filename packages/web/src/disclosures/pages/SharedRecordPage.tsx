import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { disclosureCategoryLabels, formatDateTime } from '../../consents/labels.ts';
import { type SharedRecord, sharedRecordQueryOptions } from '../api.ts';
import { RedisclosureNotice, RedisclosureNoticeLine } from '../components/RedisclosureNotice.tsx';
import { consentScopeExplanation } from '../labels.ts';

/** A support contact's view of what a patient shares with them, under the consents in effect right now. */
export function SharedRecordPage({ patientId }: { patientId: string }) {
  const shared = useQuery(sharedRecordQueryOptions(patientId));
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <AnchorLink to="/" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          <FormattedMessage id="disclosures.sharedRecordPage.back" defaultMessage="Back" />
        </Group>
      </AnchorLink>
      {shared.isPending && (
        <Skeleton
          height={240}
          aria-label={intl.formatMessage({
            id: 'disclosures.sharedRecordPage.loading',
            defaultMessage: 'Loading what is shared with you',
          })}
        />
      )}
      {shared.isError &&
        ([403, 404].includes(describeProblem(shared.error).status) ? (
          <Alert
            color="gray"
            variant="light"
            icon={<IconLock />}
            title={intl.formatMessage({
              id: 'disclosures.sharedRecordPage.nothingSharedTitle',
              defaultMessage: 'Nothing is shared with you here',
            })}
          >
            {describeProblem(shared.error).detail}{' '}
            <FormattedMessage
              id="disclosures.sharedRecordPage.patientDecides"
              defaultMessage="The patient decides what to share, and can change it at any time."
            />
          </Alert>
        ) : (
          <ErrorPanel error={shared.error} onRetry={() => void shared.refetch()} />
        ))}
      {shared.isSuccess && <SharedRecordView shared={shared.data} />}
    </Stack>
  );
}

function SharedRecordView({ shared }: { shared: SharedRecord }) {
  const intl = useIntl();
  return (
    <Stack gap="lg" data-testid="shared-record">
      <Stack gap={4}>
        <Title order={1} size="h2">
          <FormattedMessage
            id="disclosures.sharedRecordPage.title"
            defaultMessage="What {patient} shares with you"
            values={{ patient: shared.patient.name }}
          />
        </Title>
        <Text size="sm" c="dimmed">
          <FormattedMessage
            id="disclosures.sharedRecordPage.recorded"
            defaultMessage="Shown {shownAt}. This view is recorded, and {patient} can see that you opened it."
            values={{ shownAt: formatDateTime(intl, shared.disclosedAt), patient: shared.patient.name }}
          />
        </Text>
      </Stack>
      {/* The official text is core's (the same the server sends); a translation stands beside it, never alone. */}
      <RedisclosureNotice />
      {shared.sections.map((section) => (
        <Paper key={section.category} withBorder p="md" data-category={section.category}>
          <Stack gap="xs">
            <Title order={2} size="h4">
              <FormattedMessage {...disclosureCategoryLabels[section.category]} />
            </Title>
            {section.entries.length === 0 ? (
              <Text size="sm" c="dimmed">
                <FormattedMessage
                  id="disclosures.sharedRecordPage.nothingRecorded"
                  defaultMessage="Nothing recorded yet."
                />
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
          <FormattedMessage
            id="disclosures.sharedRecordPage.underWhichConsent"
            defaultMessage="Under which consent"
          />
        </Title>
        {shared.consents.map((consent) => (
          <Text key={consent.id} size="sm" c="dimmed">
            {consentScopeExplanation(intl, consent)}
          </Text>
        ))}
      </Stack>
      <RedisclosureNoticeLine />
    </Stack>
  );
}
