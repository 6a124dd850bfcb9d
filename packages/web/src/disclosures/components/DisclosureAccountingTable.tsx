import { Anchor, Badge, EmptyState, Group, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconListCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { disclosureCategoryLabels, formatDateTime } from '../../consents/labels.ts';
import { accountingCsvUrl, accountingQueryOptions } from '../api.ts';
import { channelLabels, disclosedByLabel } from '../labels.ts';

/** The accounting of disclosures (42 CFR 2.24): everything that left the program under the patient's consents. */
export function DisclosureAccountingTable({
  patientId,
  forPatient = false,
}: {
  patientId: string;
  forPatient?: boolean;
}) {
  const accounting = useQuery(accountingQueryOptions(patientId));
  const intl = useIntl();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {forPatient ? (
              <FormattedMessage
                id="disclosures.disclosureAccountingTable.titleForPatient"
                defaultMessage="Who received your information"
              />
            ) : (
              <FormattedMessage
                id="disclosures.disclosureAccountingTable.title"
                defaultMessage="Accounting of disclosures"
              />
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {forPatient ? (
              <FormattedMessage
                id="disclosures.disclosureAccountingTable.explanationForPatient"
                defaultMessage="Every time something from your record was shared under one of your consents."
              />
            ) : (
              <FormattedMessage
                id="disclosures.disclosureAccountingTable.explanation"
                defaultMessage="Every disclosure made under the patient’s consents, which the patient may ask for."
              />
            )}
          </Text>
        </Stack>
        <Anchor href={accountingCsvUrl(patientId)} download size="sm">
          <Group gap={4} component="span">
            <IconDownload size={16} />
            <FormattedMessage
              id="disclosures.disclosureAccountingTable.downloadCsv"
              defaultMessage="Download CSV"
            />
          </Group>
        </Anchor>
      </Group>
      {accounting.isPending && (
        <Skeleton
          height={100}
          aria-label={intl.formatMessage({
            id: 'disclosures.disclosureAccountingTable.loading',
            defaultMessage: 'Loading the accounting of disclosures',
          })}
        />
      )}
      {accounting.isError && (
        <ErrorPanel error={accounting.error} onRetry={() => void accounting.refetch()} />
      )}
      {accounting.isSuccess && accounting.data.length === 0 && (
        <EmptyState
          icon={<IconListCheck />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'disclosures.disclosureAccountingTable.emptyTitle',
            defaultMessage: 'Nothing has been disclosed',
          })}
          description={intl.formatMessage({
            id: 'disclosures.disclosureAccountingTable.empty',
            defaultMessage: 'Each disclosure under a consent will be listed here.',
          })}
        />
      )}
      {accounting.isSuccess && accounting.data.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" data-testid="disclosure-accounting">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="disclosures.disclosureAccountingTable.when" defaultMessage="When" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage
                    id="disclosures.disclosureAccountingTable.toWhom"
                    defaultMessage="To whom"
                  />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="disclosures.disclosureAccountingTable.what" defaultMessage="What" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage
                    id="disclosures.disclosureAccountingTable.purpose"
                    defaultMessage="Purpose"
                  />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage
                    id="disclosures.disclosureAccountingTable.how"
                    defaultMessage="How, by whom"
                  />
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounting.data.map((disclosure) => (
                <Table.Tr key={disclosure.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(intl, disclosure.disclosedAt)}
                  </Table.Td>
                  <Table.Td>{disclosure.recipientName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {disclosure.categories.length === 0 && (
                        <Text size="sm" c="dimmed">
                          <FormattedMessage
                            id="disclosures.disclosureAccountingTable.nameOnly"
                            defaultMessage="The patient’s name only"
                          />
                        </Text>
                      )}
                      {disclosure.categories.map((category) => (
                        <Badge key={category} size="sm" variant="outline" color="gray" tt="none">
                          <FormattedMessage {...disclosureCategoryLabels[category]} />
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Text size="sm" lineClamp={2}>
                      {disclosure.purpose}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      <FormattedMessage {...channelLabels[disclosure.channel]} />
                    </Text>
                    <Text size="xs" c="dimmed">
                      {disclosedByLabel(intl, disclosure)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
