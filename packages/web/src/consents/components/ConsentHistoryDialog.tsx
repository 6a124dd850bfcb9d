import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { type Consent, type ConsentHistory, consentHistoryQueryOptions } from '../api.ts';
import { formatDateTime } from '../labels.ts';

interface ConsentHistoryDialogProps {
  patientId: string;
  /** The consent whose history is shown; null closes the dialog. */
  consent: Consent | null;
  onClose: () => void;
}

type Version = ConsentHistory['versions'][number];

const versionStatusLabels: Record<Version['status'], string> = {
  draft: 'Draft',
  awaiting_cosignature: 'Awaiting co-signature',
  signed: 'Signed',
  superseded: 'Replaced by a later version',
};

const show = (value: string | null) => (value === null || value === '' ? '(none)' : value);
/** A term as the reader compares it: the patient's signature time in local words, the rest as written. */
const showTerm = (path: string, value: string | null) =>
  path === 'signedAt' && value !== null ? formatDateTime(value) : show(value);

/** What an amendment changed, term by term: the term, what it said, what it says now. */
function ChangesTable({ version }: { version: Version }) {
  return (
    <Table
      withTableBorder
      striped
      fz="sm"
      aria-label={`Changes in version ${version.number}`}
      data-testid="consent-changes"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Term</Table.Th>
          <Table.Th scope="col">Before</Table.Th>
          <Table.Th scope="col">After</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {version.changes.map((change) => (
          <Table.Tr key={change.path}>
            <Table.Th scope="row" fw={500}>
              {change.label}
            </Table.Th>
            <Table.Td>{showTerm(change.path, change.before)}</Table.Td>
            <Table.Td>{showTerm(change.path, change.after)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * A consent's signed versions, newest first: who signed each and when, why it was amended and what changed, and
 * the dated addenda (a revocation is one). Nothing here can be edited: signed versions are locked.
 */
export function ConsentHistoryDialog({ patientId, consent, onClose }: ConsentHistoryDialogProps) {
  const history = useQuery({
    ...consentHistoryQueryOptions(patientId, consent?.id ?? ''),
    enabled: consent !== null,
  });
  return (
    <Dialog opened={consent !== null} onClose={onClose} title="Consent history" size="xl">
      {history.isPending && <Skeleton height={160} aria-label="Loading the consent's history" />}
      {history.isError && <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Each version is what the patient signed; an amendment is a new version with its reason. Signed
            versions are never changed.
          </Text>
          {[...history.data.versions].reverse().map((version) => {
            const addenda = history.data.addenda.filter(
              (addendum) => addendum.versionNumber === version.number,
            );
            return (
              <Paper
                key={version.number}
                withBorder
                p="md"
                component="section"
                aria-label={`Version ${version.number}`}
                data-testid="consent-version"
              >
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start">
                    <Title order={3} size="h5">
                      Version {version.number}
                    </Title>
                    <Badge variant="light" color={version.status === 'signed' ? 'teal' : 'gray'} tt="none">
                      {versionStatusLabels[version.status]}
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {version.signedAt === null
                      ? `Written by ${version.authorName}, not signed yet.`
                      : `Signed by ${version.signedByName ?? version.authorName} on ${formatDateTime(version.signedAt)}.`}
                  </Text>
                  {version.reason !== null && (
                    <Text size="sm">
                      <Text span fw={600} size="sm">
                        Reason for the amendment:{' '}
                      </Text>
                      {version.reason}
                    </Text>
                  )}
                  {version.number === 1 ? (
                    <Text size="sm" c="dimmed">
                      First version: {show(version.terms.recipientName ?? null)},{' '}
                      {show(version.terms.categories ?? null)}.
                    </Text>
                  ) : version.changes.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      No term changed.
                    </Text>
                  ) : (
                    <ChangesTable version={version} />
                  )}
                  {addenda.map((addendum) => (
                    <Text key={addendum.id} size="sm" data-testid="consent-addendum">
                      <Text span fw={600} size="sm">
                        Addendum, signed by {addendum.signedByName} on {formatDateTime(addendum.signedAt)}:{' '}
                      </Text>
                      {addendum.text}
                    </Text>
                  ))}
                </Stack>
              </Paper>
            );
          })}
        </Stack>
      )}
    </Dialog>
  );
}
