import { Stack, Tabs } from '@mantine/core';
import { IconListDetails, IconShieldCheck, IconShieldExclamation } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';
import { PageHeader } from '../../app/PageHeader.tsx';
import { AuditEventList } from '../components/AuditEventList.tsx';
import { BreakGlassReviewQueue } from '../components/BreakGlassReviewQueue.tsx';
import type { AuditFilters } from '../filters.ts';

interface AuditLogPageProps {
  filters: AuditFilters;
  onFiltersChange: (filters: AuditFilters) => void;
}

/** The audit trail for administrators and supervisors, and the break-the-glass reviews. */
export function AuditLogPage({ filters, onFiltersChange }: AuditLogPageProps) {
  const intl = useIntl();
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({ id: 'auditLog.auditLogPage.title', defaultMessage: 'Audit trail' })}
        description={intl.formatMessage({
          id: 'auditLog.auditLogPage.description',
          defaultMessage:
            'Every view and change of a record, who made it, from where, and whether it was allowed. Tamper-evident and never edited.',
        })}
      />
      <Tabs defaultValue="events" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="events" leftSection={<IconListDetails size={16} />}>
            <FormattedMessage id="auditLog.auditLogPage.eventsTab" defaultMessage="Events" />
          </Tabs.Tab>
          <Tabs.Tab value="to-review" leftSection={<IconShieldExclamation size={16} />}>
            <FormattedMessage
              id="auditLog.auditLogPage.toReviewTab"
              defaultMessage="Break-the-glass to review"
            />
          </Tabs.Tab>
          <Tabs.Tab value="reviewed" leftSection={<IconShieldCheck size={16} />}>
            <FormattedMessage id="auditLog.auditLogPage.reviewedTab" defaultMessage="Reviewed" />
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="events" pt="md">
          <AuditEventList filters={filters} onFiltersChange={onFiltersChange} />
        </Tabs.Panel>
        <Tabs.Panel value="to-review" pt="md">
          <BreakGlassReviewQueue />
        </Tabs.Panel>
        <Tabs.Panel value="reviewed" pt="md">
          <BreakGlassReviewQueue reviewed />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
