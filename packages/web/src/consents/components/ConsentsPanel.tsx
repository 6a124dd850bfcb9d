import { Button, EmptyState, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
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
            {byPatient ? 'Your consents' : 'Consents to disclose (42 CFR Part 2)'}
          </Title>
          <Text size="sm" c="dimmed">
            {byPatient
              ? 'Who may receive which of your records, and until when. You can revoke a consent at any time.'
              : 'Nothing leaves the program without one: each names who may receive what, why and until when.'}
          </Text>
        </Stack>
        {abilities.recordConsent && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ kind: 'new' })}>
            Record consent
          </Button>
        )}
      </Group>
      {consents.isPending && <Skeleton height={120} aria-label="Loading consents" />}
      {consents.isError && <ErrorPanel error={consents.error} onRetry={() => void consents.refetch()} />}
      {consents.isSuccess && consents.data.length === 0 && (
        <EmptyState
          icon={<IconFileCertificate />}
          withIndicatorBackground
          title="No consent on record"
          description="Without a written consent nothing about this patient is shared outside the program."
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
          editing?.kind === 'amend' ? 'Amend consent (the signed version is replaced)' : 'Record a consent'
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
            submitLabel={editing.kind === 'amend' ? 'Sign amended consent' : 'Record consent'}
            asksReason={editing.kind === 'amend'}
            onCancel={() => setEditing(null)}
            onSubmit={async (body, reason) => {
              if (editing.kind === 'amend') {
                await amendConsent(patientId, editing.consent, body, reason);
                saved('Amended consent signed; the earlier version is replaced.');
              } else {
                await recordConsent(patientId, body);
                saved('Consent recorded.');
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
          notifications.show({ color: 'teal', message: 'Consent revoked. Nothing more is shared under it.' });
          refresh();
        }}
      />
    </Stack>
  );
}
