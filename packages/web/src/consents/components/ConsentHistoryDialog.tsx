import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import {
  defineMessages,
  FormattedMessage,
  type IntlShape,
  type MessageDescriptor,
  useIntl,
} from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { type Consent, type ConsentHistory, consentHistoryQueryOptions } from '../api.ts';
import {
  categoryList,
  consentTermLabels,
  formatDate,
  formatDateTime,
  recipientKindLabels,
} from '../labels.ts';

interface ConsentHistoryDialogProps {
  patientId: string;
  /** The consent whose history is shown; null closes the dialog. */
  consent: Consent | null;
  onClose: () => void;
}

type Version = ConsentHistory['versions'][number];
type SignedTerms = Version['signedTerms'];
type Term = keyof SignedTerms;

const versionStatusLabels: Record<Version['status'], MessageDescriptor> = defineMessages({
  draft: { id: 'consents.consentHistoryDialog.statusDraft', defaultMessage: 'Draft' },
  awaiting_cosignature: {
    id: 'consents.consentHistoryDialog.statusAwaitingCosignature',
    defaultMessage: 'Awaiting co-signature',
  },
  signed: { id: 'consents.consentHistoryDialog.statusSigned', defaultMessage: 'Signed' },
  superseded: {
    id: 'consents.consentHistoryDialog.statusSuperseded',
    defaultMessage: 'Replaced by a later version',
  },
});

const isTerm = (path: string): path is Term => path in consentTermLabels;

/**
 * A signed term in the reader's words: codes by their labels, dates in the reader's format, what the patient or
 * staff wrote as written.
 */
function showTerm(intl: IntlShape, terms: SignedTerms | undefined, term: Term): string {
  const none = intl.formatMessage({ id: 'consents.consentHistoryDialog.none', defaultMessage: '(none)' });
  if (terms === undefined) return none;
  switch (term) {
    case 'recipientKind':
      return terms.recipientKind === null
        ? none
        : intl.formatMessage(recipientKindLabels[terms.recipientKind]);
    case 'categories':
      return terms.categories === null ? none : categoryList(intl, terms.categories);
    case 'startsOn':
    case 'expiresOn':
      return terms[term] === null ? none : formatDate(intl, terms[term]);
    case 'signedAt':
      return terms.signedAt === null ? none : formatDateTime(intl, terms.signedAt);
    default: {
      const value = terms[term];
      return value === null || value === '' ? none : value;
    }
  }
}

/** What an amendment changed, term by term: the term, what it said, what it says now. */
function ChangesTable({ version, previous }: { version: Version; previous: Version | undefined }) {
  const intl = useIntl();
  return (
    <Table
      withTableBorder
      striped
      fz="sm"
      aria-label={intl.formatMessage(
        { id: 'consents.consentHistoryDialog.changesLabel', defaultMessage: 'Changes in version {number}' },
        { number: version.number },
      )}
      data-testid="consent-changes"
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">
            <FormattedMessage id="consents.consentHistoryDialog.term" defaultMessage="Term" />
          </Table.Th>
          <Table.Th scope="col">
            <FormattedMessage id="consents.consentHistoryDialog.before" defaultMessage="Before" />
          </Table.Th>
          <Table.Th scope="col">
            <FormattedMessage id="consents.consentHistoryDialog.after" defaultMessage="After" />
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {/* The server says which terms changed; the values come from the signed terms, worded here. */}
        {version.changes.map((change) => (
          <Table.Tr key={change.path}>
            <Table.Th scope="row" fw={500}>
              {isTerm(change.path) ? intl.formatMessage(consentTermLabels[change.path]) : change.label}
            </Table.Th>
            <Table.Td>
              {isTerm(change.path) ? showTerm(intl, previous?.signedTerms, change.path) : change.before}
            </Table.Td>
            <Table.Td>
              {isTerm(change.path) ? showTerm(intl, version.signedTerms, change.path) : change.after}
            </Table.Td>
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
  const intl = useIntl();
  const history = useQuery({
    ...consentHistoryQueryOptions(patientId, consent?.id ?? ''),
    enabled: consent !== null,
  });
  return (
    <Dialog
      opened={consent !== null}
      onClose={onClose}
      title={intl.formatMessage({
        id: 'consents.consentHistoryDialog.title',
        defaultMessage: 'Consent history',
      })}
      size="xl"
    >
      {history.isPending && (
        <Skeleton
          height={160}
          aria-label={intl.formatMessage({
            id: 'consents.consentHistoryDialog.loading',
            defaultMessage: "Loading the consent's history",
          })}
        />
      )}
      {history.isError && <ErrorPanel error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && (
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            <FormattedMessage
              id="consents.consentHistoryDialog.explanation"
              defaultMessage="Each version is what the patient signed; an amendment is a new version with its reason. Signed versions are never changed."
            />
          </Text>
          {[...history.data.versions].reverse().map((version) => {
            const previous = history.data.versions.find((earlier) => earlier.number === version.number - 1);
            const addenda = history.data.addenda.filter(
              (addendum) => addendum.versionNumber === version.number,
            );
            return (
              <Paper
                key={version.number}
                withBorder
                p="md"
                component="section"
                aria-label={intl.formatMessage(
                  { id: 'consents.consentHistoryDialog.versionLabel', defaultMessage: 'Version {number}' },
                  { number: version.number },
                )}
                data-testid="consent-version"
              >
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start">
                    <Title order={3} size="h5">
                      <FormattedMessage
                        id="consents.consentHistoryDialog.version"
                        defaultMessage="Version {number}"
                        values={{ number: version.number }}
                      />
                    </Title>
                    <Badge variant="light" color={version.status === 'signed' ? 'teal' : 'gray'} tt="none">
                      <FormattedMessage {...versionStatusLabels[version.status]} />
                    </Badge>
                  </Group>
                  <Text size="sm">
                    {version.signedAt === null ? (
                      <FormattedMessage
                        id="consents.consentHistoryDialog.unsigned"
                        defaultMessage="Written by {author}, not signed yet."
                        values={{ author: version.authorName }}
                      />
                    ) : (
                      <FormattedMessage
                        id="consents.consentHistoryDialog.signed"
                        defaultMessage="Signed by {signer} on {signedAt}."
                        values={{
                          signer: version.signedByName ?? version.authorName,
                          signedAt: formatDateTime(intl, version.signedAt),
                        }}
                      />
                    )}
                  </Text>
                  {version.reason !== null && (
                    <Text size="sm">
                      <FormattedMessage
                        id="consents.consentHistoryDialog.reason"
                        defaultMessage="<b>Reason for the amendment:</b> {reason}"
                        values={{
                          reason: version.reason,
                          b: (chunks) => (
                            <Text span fw={600} size="sm">
                              {chunks}
                            </Text>
                          ),
                        }}
                      />
                    </Text>
                  )}
                  {version.number === 1 ? (
                    <Text size="sm" c="dimmed">
                      <FormattedMessage
                        id="consents.consentHistoryDialog.firstVersion"
                        defaultMessage="First version: {recipient}, {categories}."
                        values={{
                          recipient: showTerm(intl, version.signedTerms, 'recipientName'),
                          categories: showTerm(intl, version.signedTerms, 'categories'),
                        }}
                      />
                    </Text>
                  ) : version.changes.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      <FormattedMessage
                        id="consents.consentHistoryDialog.noChange"
                        defaultMessage="No term changed."
                      />
                    </Text>
                  ) : (
                    <ChangesTable version={version} previous={previous} />
                  )}
                  {addenda.map((addendum) => (
                    <Text key={addendum.id} size="sm" data-testid="consent-addendum">
                      <FormattedMessage
                        id="consents.consentHistoryDialog.addendum"
                        defaultMessage="<b>Addendum, signed by {signer} on {signedAt}:</b> {text}"
                        values={{
                          signer: addendum.signedByName,
                          signedAt: formatDateTime(intl, addendum.signedAt),
                          text: addendum.text,
                          b: (chunks) => (
                            <Text span fw={600} size="sm">
                              {chunks}
                            </Text>
                          ),
                        }}
                      />
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
