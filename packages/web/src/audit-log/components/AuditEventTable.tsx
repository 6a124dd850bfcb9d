import { Anchor, EmptyState, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconListSearch } from '@tabler/icons-react';
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
  if (events.length === 0) {
    return (
      <EmptyState
        icon={<IconListSearch />}
        withIndicatorBackground
        title="No events match"
        description="Nothing in the audit trail matches these filters. Widen the dates or clear a filter."
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="audit-events">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Who</Table.Th>
            <Table.Th>Patient</Table.Th>
            <Table.Th>What</Table.Th>
            <Table.Th w={150}>Outcome</Table.Th>
            <Table.Th>Reason</Table.Th>
            <Table.Th>From</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id} style={auditRowStyle(event.outcome)} data-outcome={event.outcome}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatAuditTime(event.occurredAt)}</Text>
                <Text size="xs" c="dimmed">
                  #{event.sequence}
                </Text>
              </Table.Td>
              <Table.Td>
                {event.actor.userId === null ? (
                  <ActorCell actor={event.actor} />
                ) : (
                  <Tooltip label="Show only this person's events" openDelay={500}>
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
                  <Tooltip label="Show only this patient's events" openDelay={500}>
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
                          {event.patient.name ?? 'Unknown patient'}
                        </Text>
                        {event.patient.mrn && (
                          <Text size="xs" c="dimmed">
                            MRN {event.patient.mrn}
                          </Text>
                        )}
                      </Stack>
                    </Anchor>
                  </Tooltip>
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{actionLabel(event.action)}</Text>
                <Text size="xs" c="dimmed">
                  {resourceLabel(event.resourceType)}
                  {event.fieldsChanged && event.fieldsChanged.length > 0
                    ? `: ${event.fieldsChanged.join(', ')}`
                    : ''}
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
                <Tooltip label={event.userAgent ?? 'No browser recorded'} openDelay={300} multiline maw={360}>
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
