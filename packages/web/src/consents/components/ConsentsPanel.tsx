import { Button, EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { Dialog } from '../../app/Dialog.tsx';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { useProgramToday } from '../../app/program-today.ts';
import type { ConsentAbilities } from '../abilities.ts';
import {
  amendConsent,
  type Consent,
  consentListQueryOptions,
  consentQueryKeys,
  recordConsent,
  supportContactListQueryOptions,
} from '../api.ts';
import { amendmentForm, emptyConsentForm } from '../consent-form.ts';
import { ConsentCard } from './ConsentCard.tsx';
import { ConsentForm } from './ConsentForm.tsx';
import { ConsentHistoryDialog } from './ConsentHistoryDialog.tsx';
import { RevokeConsentDialog } from './RevokeConsentDialog.tsx';

interface ConsentsPanelProps {
  patientId: string;
  patientName: string;
  /** The signed-in person: the witness of a consent they record. */
  viewerName: string;
  abilities: ConsentAbilities;
  /** The patient's own view (revoking their own consent). */
  byPatient?: boolean;
}

type Editing = { kind: 'new' } | { kind: 'amend'; consent: Consent } | null;

/** A patient's written consents to disclose, every version, newest first. */
export function ConsentsPanel({
  patientId,
  patientName,
  viewerName,
  abilities,
  byPatient = false,
}: ConsentsPanelProps) {
  const today = useProgramToday();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const consents = useQuery(consentListQueryOptions(patientId));
  const contacts = useQuery({
    ...supportContactListQueryOptions(patientId),
    enabled: abilities.recordConsent,
  });
  const [editing, setEditing] = useState<Editing>(null);
  const [revoking, setRevoking] = useState<Consent | null>(null);
  const [inHistory, setInHistory] = useState<Consent | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: consentQueryKeys.list(patientId) });
    void queryClient.invalidateQueries({ queryKey: [...consentQueryKeys.all, 'history', patientId] });
  };

  const saved = (message: string) => {
    setEditing(null);
    notifications.show({ color: 'teal', message });
    refresh();
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Title order={2} size="h4">
            {byPatient ? (
              <FormattedMessage id="consents.consentsPanel.titleForPatient" defaultMessage="Your consents" />
            ) : (
              <FormattedMessage
                id="consents.consentsPanel.title"
                defaultMessage="Consents to disclose (42 CFR Part 2)"
              />
            )}
          </Title>
          <Text size="sm" c="dimmed">
            {byPatient ? (
              <FormattedMessage
                id="consents.consentsPanel.explanationForPatient"
                defaultMessage="Who may receive which of your records, and until when. You can revoke a consent at any time."
              />
            ) : (
              <FormattedMessage
                id="consents.consentsPanel.explanation"
                defaultMessage="Nothing leaves the program without one: each names who may receive what, why and until when."
              />
            )}
          </Text>
        </Stack>
        {abilities.recordConsent && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: 'new' })}>
            <FormattedMessage id="consents.consentsPanel.record" defaultMessage="Record consent" />
          </Button>
        )}
      </Group>
      {consents.isPending && (
        <Skeleton
          height={120}
          aria-label={intl.formatMessage({
            id: 'consents.consentsPanel.loading',
            defaultMessage: 'Loading consents',
          })}
        />
      )}
      {consents.isError && <ErrorPanel error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.isSuccess && consents.data.length === 0 && (
        <EmptyState
          icon={<IconFileCertificate />}
          withIndicatorBackground
          title={intl.formatMessage({
            id: 'consents.consentsPanel.emptyTitle',
            defaultMessage: 'No consent on record',
          })}
          description={intl.formatMessage({
            id: 'consents.consentsPanel.empty',
            defaultMessage:
              'Without a written consent nothing about this patient is shared outside the program.',
          })}
        />
      )}
      {consents.isSuccess &&
        consents.data.map((consent) => (
          <ConsentCard
            key={consent.id}
            consent={consent}
            patientId={patientId}
            canPrintRelease={abilities.printRelease}
            onShowHistory={setInHistory}
            {...(abilities.revokeConsent ? { onRevoke: setRevoking } : {})}
            {...(abilities.recordConsent
              ? { onAmend: (target: Consent) => setEditing({ kind: 'amend', consent: target }) }
              : {})}
          />
        ))}

      <Dialog
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={
          editing?.kind === 'amend'
            ? intl.formatMessage({
                id: 'consents.consentsPanel.amendTitle',
                defaultMessage: 'Amend consent (the signed version is replaced)',
              })
            : intl.formatMessage({
                id: 'consents.consentsPanel.recordTitle',
                defaultMessage: 'Record a consent',
              })
        }
        size="lg"
      >
        {editing !== null && (
          <ConsentForm
            initial={
              editing.kind === 'amend' ? amendmentForm(editing.consent, today) : emptyConsentForm(today)
            }
            supportContacts={contacts.data ?? []}
            patientName={patientName}
            witnessName={viewerName}
            submitLabel={
              editing.kind === 'amend'
                ? intl.formatMessage({
                    id: 'consents.consentsPanel.signAmended',
                    defaultMessage: 'Sign amended consent',
                  })
                : intl.formatMessage({
                    id: 'consents.consentsPanel.record',
                    defaultMessage: 'Record consent',
                  })
            }
            asksReason={editing.kind === 'amend'}
            onCancel={() => setEditing(null)}
            onSubmit={async (body, reason) => {
              if (editing.kind === 'amend') {
                await amendConsent(patientId, editing.consent, body, reason);
                saved(
                  intl.formatMessage({
                    id: 'consents.consentsPanel.amended',
                    defaultMessage: 'Amended consent signed; the earlier version is replaced.',
                  }),
                );
              } else {
                await recordConsent(patientId, body);
                saved(
                  intl.formatMessage({
                    id: 'consents.consentsPanel.recorded',
                    defaultMessage: 'Consent recorded.',
                  }),
                );
              }
            }}
          />
        )}
      </Dialog>
      <ConsentHistoryDialog patientId={patientId} consent={inHistory} onClose={() => setInHistory(null)} />
      <RevokeConsentDialog
        patientId={patientId}
        consent={revoking}
        byPatient={byPatient}
        onClose={() => setRevoking(null)}
        onStale={refresh}
        onRevoked={() => {
          setRevoking(null);
          notifications.show({
            color: 'teal',
            message: intl.formatMessage({
              id: 'consents.consentsPanel.revoked',
              defaultMessage: 'Consent revoked. Nothing more is shared under it.',
            }),
          });
          refresh();
        }}
      />
    </Stack>
  );
}
