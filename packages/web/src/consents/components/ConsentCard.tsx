import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import type { Consent } from '../api.ts';
import { releasePrintoutUrl } from '../api.ts';
import { consentPeriod, disclosureCategoryLabels, formatDateTime, recipientKindLabels } from '../labels.ts';
import { ConsentStatusBadge } from './ConsentStatusBadge.tsx';

interface ConsentCardProps {
  consent: Consent;
  patientId: string;
  onRevoke?: (consent: Consent) => void;
  onAmend?: (consent: Consent) => void;
  /** Opens the consent's signed versions and what each amendment changed. */
  onShowHistory?: (consent: Consent) => void;
  canPrintRelease: boolean;
}

/** One consent as signed, with where it stands now and what may be done with it. */
export function ConsentCard({
  consent,
  patientId,
  onRevoke,
  onAmend,
  onShowHistory,
  canPrintRelease,
}: ConsentCardProps) {
  const inForce = consent.status === 'active' || consent.status === 'not_yet_active';
  return (
    <Paper withBorder p="md" data-testid="consent" data-consent-status={consent.status}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={600}>{consent.recipient.name}</Text>
            <Text size="xs" c="dimmed">
              {recipientKindLabels[consent.recipient.kind]}
            </Text>
          </Stack>
          <ConsentStatusBadge status={consent.status} />
        </Group>
        <Group gap={6}>
          {consent.categories.map((category) => (
            <Badge key={category} variant="outline" color="gray" tt="none">
              {disclosureCategoryLabels[category]}
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          <Text span fw={600} size="sm">
            Purpose:{' '}
          </Text>
          {consent.purpose}
        </Text>
        <Text size="sm">{consentPeriod(consent)}.</Text>
        <Text size="xs" c="dimmed">
          Signed “{consent.signature.typedName}” on {formatDateTime(consent.signature.signedAt)}, witnessed by{' '}
          {consent.witnessedBy.name}.
          {consent.signedRecord.version > 1 &&
            ` Version ${consent.signedRecord.version}: amends an earlier consent.`}
        </Text>
        {consent.revocation !== null && (
          <Text size="xs" c={consent.status === 'superseded' ? 'dimmed' : 'red'}>
            {consent.status === 'superseded' ? 'Replaced' : 'Revoked'} on{' '}
            {formatDateTime(consent.revocation.revokedAt)} by {consent.revocation.revokedBy.name}
            {consent.revocation.reason ? `: ${consent.revocation.reason}` : '.'}
          </Text>
        )}
        {(onShowHistory !== undefined ||
          (inForce && (onRevoke !== undefined || onAmend !== undefined || canPrintRelease))) && (
          <Group gap="xs" mt={4}>
            {onShowHistory !== undefined && (
              <Button
                size="xs"
                variant="subtle"
                onClick={() => onShowHistory(consent)}
                aria-label={`History of the consent for ${consent.recipient.name}, version ${consent.signedRecord.version}`}
              >
                History
              </Button>
            )}
            {inForce && onRevoke !== undefined && (
              <Button size="xs" color="red" variant="light" onClick={() => onRevoke(consent)}>
                Revoke
              </Button>
            )}
            {inForce && onAmend !== undefined && (
              <Button size="xs" variant="light" onClick={() => onAmend(consent)}>
                Amend
              </Button>
            )}
            {inForce && canPrintRelease && consent.status === 'active' && (
              <Anchor
                href={releasePrintoutUrl(patientId, consent.id)}
                target="_blank"
                rel="noopener"
                size="xs"
                title="Prints the consented records for this recipient; the release is recorded in the accounting of disclosures"
              >
                <Group gap={4} component="span">
                  <IconPrinter size={14} />
                  Print release for {consent.recipient.name}
                </Group>
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
