import { Anchor, EmptyState, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { AuditLogEntry } from '../api.ts';
import { actionLabel, formatAuditTime, resourceLabel } from '../labels.ts';
import { ActorCell } from './ActorCell.tsx';
import { auditRowStyle, OutcomeBadge } from './OutcomeBadge.tsx';

interface AuditEventTableProps {
  events: AuditLogEntry[];
  /** Narrow the view to one person or one patient by clicking their name. */
  onFilterUser: (userId: string) => void;
  onFilterPatient: (patientId: string) => void;
}

export function AuditEventTable({ events, onFilterUser, onFilterPatient }: AuditEventTableProps) {
  const intl = useIntl();
  if (events.length === 0) {
    return (
      <EmptyState
        icon={<IconListSearch />}
        withIndicatorBackground
        title={intl.formatMessage({
          id: 'auditLog.auditEventTable.emptyTitle',
          defaultMessage: 'No events match',
        })}
        description={intl.formatMessage({
          id: 'auditLog.auditEventTable.emptyDescription',
          defaultMessage:
            'Nothing in the audit trail matches these filters. Widen the dates or clear a filter.',
        })}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="audit-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <FormattedMessage id="auditLog.auditEventTable.when" defaultMessage="When" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="auditLog.auditEventTable.who" defaultMessage="Who" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="auditLog.auditEventTable.patient" defaultMessage="Patient" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="auditLog.auditEventTable.what" defaultMessage="What" />
            </Table.Th>
            <Table.Th w={150}>
              <FormattedMessage id="auditLog.auditEventTable.outcome" defaultMessage="Outcome" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="auditLog.auditEventTable.reason" defaultMessage="Reason" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="auditLog.auditEventTable.from" defaultMessage="From" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} style={auditRowStyle(event.outcome)} data-outcome={event.outcome}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatAuditTime(intl, event.occurredAt)}</Text>
                <Text size="xs" c="dimmed">
                  #{event.sequence}
                </Text>
              </Table.Td>
              <Table.Td>
                {event.actor.userId === null ? (
                  <ActorCell actor={event.actor} />
                ) : (
                  <Tooltip
                    label={intl.formatMessage({
                      id: 'auditLog.auditEventTable.onlyThisPerson',
                      defaultMessage: "Show only this person's events",
                    })}
                    openDelay={500}
                  >
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => event.actor.userId && onFilterUser(event.actor.userId)}
                      c="inherit"
                      ta="left"
                      underline="hover"
                    >
                      <ActorCell actor={event.actor} />
                    </Anchor>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                {event.patient === null ? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                ) : (
                  <Tooltip
                    label={intl.formatMessage({
                      id: 'auditLog.auditEventTable.onlyThisPatient',
                      defaultMessage: "Show only this patient's events",
                    })}
                    openDelay={500}
                  >
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => event.patient && onFilterPatient(event.patient.id)}
                      c="inherit"
                      ta="left"
                      underline="hover"
                    >
                      <Stack gap={0}>
                        <Text size="sm" fw={500}>
                          {event.patient.name ?? (
                            <FormattedMessage
                              id="auditLog.auditEventTable.unknownPatient"
                              defaultMessage="Unknown patient"
                            />
                          )}
                        </Text>
                        {event.patient.mrn && (
                          <Text size="xs" c="dimmed">
                            <FormattedMessage
                              id="auditLog.auditEventTable.mrn"
                              defaultMessage="MRN {mrn}"
                              values={{ mrn: event.patient.mrn }}
                            />
                          </Text>
                        )}
                      </Stack>
                    </Anchor>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(intl, event.action)}</Text>
                <Text size="xs" c="dimmed">
                  {event.fieldsChanged && event.fieldsChanged.length > 0
                    ? intl.formatMessage(
                        {
                          id: 'auditLog.auditEventTable.resourceWithFields',
                          defaultMessage: '{resource}: {fields}',
                        },
                        {
                          resource: resourceLabel(intl, event.resourceType),
                          fields: intl.formatList(event.fieldsChanged, { type: 'unit' }),
                        },
                      )
                    : resourceLabel(intl, event.resourceType)}
                </Text>
              </Table.Td>
              <Table.Td>
                <OutcomeBadge outcome={event.outcome} />
              </Table.Td>
              <Table.Td maw={320}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {event.reason ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                <Tooltip
                  label={
                    event.userAgent ??
                    intl.formatMessage({
                      id: 'auditLog.auditEventTable.noBrowser',
                      defaultMessage: 'No browser recorded',
                    })
                  }
                  openDelay={300}
                  multiline
                  maw={360}
                >
                  <Text size="xs" c="dimmed">
                    {event.ipAddress ?? '—'}
                  </Text>
                </Tooltip>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
