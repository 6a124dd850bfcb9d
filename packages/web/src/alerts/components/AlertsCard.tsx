import {
  Badge,
  Button,
  EmptyState,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconBellCheck } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { defineMessages, FormattedMessage, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { formatShortTime } from '../../audit-log/labels.ts';
import { useMe } from '../../auth/me-context.ts';
import { DashboardSection } from '../../dashboard/components/DashboardSection.tsx';
import { type Alert, acknowledgeAlert, alertQueryKeys, myAlertsQueryOptions } from '../api.ts';
import { alertKindLabels, alertSeverityColor, alertSeverityLabels } from '../labels.ts';
import { ResolveAlertDialog } from './ResolveAlertDialog.tsx';
import { ReviewAccessFromAlert } from './ReviewAccessFromAlert.tsx';

const messages = defineMessages({
  title: { id: 'alerts.alertsCard.title', defaultMessage: 'Alerts for you' },
  loading: { id: 'alerts.alertsCard.loading', defaultMessage: 'Loading your alerts' },
  emptyTitle: { id: 'alerts.alertsCard.emptyTitle', defaultMessage: 'No alerts' },
  emptyDescription: {
    id: 'alerts.alertsCard.emptyDescription',
    defaultMessage:
      'Risk signals and follow-ups routed to you appear here until someone records what was done.',
  },
});

/**
 * "Alerts for you": the risk signals and follow-ups routed to the signed-in clinician, most urgent first. Each
 * stays until someone records what was done; acknowledging says "I have it" and stops its escalation. A
 * break-the-glass review is done by reviewing the access itself, which resolves the alert.
 */
export function AlertsCard() {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const alerts = useQuery(myAlertsQueryOptions);
  const me = useMe();
  const [resolving, setResolving] = useState<Alert | null>(null);
  const [reviewingGrant, setReviewingGrant] = useState<string | null>(null);
  const mayReviewAccess = mayInOrganization(me.role, 'update', 'break_glass_review');
  const acknowledge = useMutation({
    mutationFn: acknowledgeAlert,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertQueryKeys.mine }),
  });
  return (
    <DashboardSection title={intl.formatMessage(messages.title)}>
      {alerts.isPending && <Skeleton height={60} aria-label={intl.formatMessage(messages.loading)} />}
      {alerts.isError && <ErrorPanel error={alerts.error} onRetry={() => void alerts.refetch()} />}
      {acknowledge.isError && <ErrorPanel error={acknowledge.error} />}
      {alerts.isSuccess && alerts.data.length === 0 && (
        <EmptyState
          icon={<IconBellCheck />}
          withIndicatorBackground
          title={intl.formatMessage(messages.emptyTitle)}
          description={intl.formatMessage(messages.emptyDescription)}
        />
      )}
      {alerts.isSuccess && alerts.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" data-testid="my-alerts">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <FormattedMessage id="alerts.alertsCard.alert" defaultMessage="Alert" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="alerts.alertsCard.patient" defaultMessage="Patient" />
                </Table.Th>
                <Table.Th>
                  <FormattedMessage id="alerts.alertsCard.raised" defaultMessage="Raised" />
                </Table.Th>
                <Table.Th>
                  <VisuallyHidden>
                    <FormattedMessage id="alerts.alertsCard.actions" defaultMessage="Actions" />
                  </VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {alerts.data.map((alert) => (
                <Table.Tr key={alert.id}>
                  <Table.Td maw={380}>
                    <Group gap="xs">
                      <Badge color={alertSeverityColor[alert.severity]} variant="light">
                        <FormattedMessage {...alertSeverityLabels[alert.severity]} />
                      </Badge>
                      <Text size="sm" fw={600}>
                        <FormattedMessage {...alertKindLabels[alert.kind]} />
                      </Text>
                    </Group>
                    <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {alert.summary}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {alert.patientId !== null && alert.patientName !== null ? (
                      <>
                        <AnchorLink to="/patients/$patientId" params={{ patientId: alert.patientId }}>
                          {alert.patientName}
                        </AnchorLink>{' '}
                        <Text span size="xs" c="dimmed">
                          <FormattedMessage
                            id="alerts.alertsCard.mrn"
                            defaultMessage="MRN {mrn}"
                            values={{ mrn: alert.patientMrn }}
                          />
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        <FormattedMessage id="alerts.alertsCard.theProgram" defaultMessage="The program" />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm">{formatShortTime(intl, alert.raisedAt)}</Text>
                    {alert.escalatedAt !== null && (
                      <Badge color="red" size="xs" variant="outline">
                        <FormattedMessage id="alerts.alertsCard.escalated" defaultMessage="Escalated" />
                      </Badge>
                    )}
                    {alert.acknowledgedByName !== null && (
                      <Text size="xs" c="dimmed">
                        <FormattedMessage
                          id="alerts.alertsCard.acknowledgedBy"
                          defaultMessage="{name} has it"
                          values={{ name: alert.acknowledgedByName }}
                        />
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4} align="flex-end">
                      {alert.status === 'open' && (
                        <Button
                          size="xs"
                          variant="light"
                          loading={acknowledge.isPending && acknowledge.variables?.id === alert.id}
                          onClick={() => acknowledge.mutate(alert)}
                        >
                          <FormattedMessage id="alerts.alertsCard.acknowledge" defaultMessage="I have it" />
                        </Button>
                      )}
                      {alert.breakGlassGrantId !== null && mayReviewAccess ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          onClick={() => setReviewingGrant(alert.breakGlassGrantId)}
                        >
                          <FormattedMessage
                            id="alerts.alertsCard.reviewAccess"
                            defaultMessage="Review the access"
                          />
                        </Button>
                      ) : (
                        <Button size="xs" variant="subtle" onClick={() => setResolving(alert)}>
                          <FormattedMessage
                            id="alerts.alertsCard.resolve"
                            defaultMessage="Record what was done"
                          />
                        </Button>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ResolveAlertDialog alert={resolving} onClose={() => setResolving(null)} />
      <ReviewAccessFromAlert grantId={reviewingGrant} onClose={() => setReviewingGrant(null)} />
    </DashboardSection>
  );
}
