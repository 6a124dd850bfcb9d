import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
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
  const intl = useIntl();
  const inForce = consent.status === 'active' || consent.status === 'not_yet_active';
  return (
    <Paper withBorder p="md" data-testid="consent" data-consent-status={consent.status}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Text fw={600}>{consent.recipient.name}</Text>
            <Text size="xs" c="dimmed">
              <FormattedMessage {...recipientKindLabels[consent.recipient.kind]} />
            </Text>
          </Stack>
          <ConsentStatusBadge status={consent.status} />
        </Group>
        <Group gap={6}>
          {consent.categories.map((category) => (
            <Badge key={category} variant="outline" color="gray" tt="none">
              <FormattedMessage {...disclosureCategoryLabels[category]} />
            </Badge>
          ))}
        </Group>
        <Text size="sm">
          <FormattedMessage
            id="consents.consentCard.purpose"
            defaultMessage="<b>Purpose:</b> {purpose}"
            values={{
              purpose: consent.purpose,
              b: (chunks) => (
                <Text span fw={600} size="sm">
                  {chunks}
                </Text>
              ),
            }}
          />
        </Text>
        <Text size="sm">{consentPeriod(intl, consent)}</Text>
        <Text size="xs" c="dimmed">
          <FormattedMessage
            id="consents.consentCard.signed"
            defaultMessage="Signed “{typedName}” on {signedAt}, witnessed by {witness}."
            values={{
              typedName: consent.signature.typedName,
              signedAt: formatDateTime(intl, consent.signature.signedAt),
              witness: consent.witnessedBy.name,
            }}
          />
          {consent.signedRecord.version > 1 && (
            <>
              {' '}
              <FormattedMessage
                id="consents.consentCard.amends"
                defaultMessage="Version {version}: amends an earlier consent."
                values={{ version: consent.signedRecord.version }}
              />
            </>
          )}
        </Text>
        {consent.revocation !== null && (
          <Text size="xs" c={consent.status === 'superseded' ? 'dimmed' : 'red'}>
            <FormattedMessage
              id="consents.consentCard.ended"
              defaultMessage="{replaced, select, yes {Replaced} other {Revoked}} on {revokedAt} by {revokedBy}{hasReason, select, yes {: {reason}} other {.}}"
              values={{
                replaced: consent.status === 'superseded' ? 'yes' : 'no',
                revokedAt: formatDateTime(intl, consent.revocation.revokedAt),
                revokedBy: consent.revocation.revokedBy.name,
                hasReason: consent.revocation.reason ? 'yes' : 'no',
                reason: consent.revocation.reason ?? '',
              }}
            />
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
                aria-label={intl.formatMessage(
                  {
                    id: 'consents.consentCard.historyLabel',
                    defaultMessage: 'History of the consent for {recipient}, version {version}',
                  },
                  { recipient: consent.recipient.name, version: consent.signedRecord.version },
                )}
              >
                <FormattedMessage id="consents.consentCard.history" defaultMessage="History" />
              </Button>
            )}
            {inForce && onRevoke !== undefined && (
              <Button size="xs" color="red" variant="light" onClick={() => onRevoke(consent)}>
                <FormattedMessage id="consents.consentCard.revoke" defaultMessage="Revoke" />
              </Button>
            )}
            {inForce && onAmend !== undefined && (
              <Button size="xs" variant="light" onClick={() => onAmend(consent)}>
                <FormattedMessage id="consents.consentCard.amend" defaultMessage="Amend" />
              </Button>
            )}
            {inForce && canPrintRelease && consent.status === 'active' && (
              <Anchor
                href={releasePrintoutUrl(patientId, consent.id)}
                target="_blank"
                rel="noopener"
                size="xs"
                title={intl.formatMessage({
                  id: 'consents.consentCard.printReleaseHint',
                  defaultMessage:
                    'Prints the consented records for this recipient; the release is recorded in the accounting of disclosures',
                })}
              >
                <Group gap={4} component="span">
                  <IconPrinter size={14} />
                  <FormattedMessage
                    id="consents.consentCard.printRelease"
                    defaultMessage="Print release for {recipient}"
                    values={{ recipient: consent.recipient.name }}
                  />
                </Group>
              </Anchor>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
