import { Alert, Button, Group, Skeleton, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { mayEverBreakGlass, type RecordViewer } from '../../access/policy.ts';
import { describeProblem } from '../../api/problem.ts';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { auditQueryKeys } from '../../audit-log/api.ts';
import { useMe } from '../../auth/me-context.ts';
import { type PatientRecord, patientQueryKeys, patientRecordQueryOptions } from '../api.ts';
import { BreakGlassBanner } from '../components/BreakGlassBanner.tsx';
import { BreakGlassDialog } from '../components/BreakGlassDialog.tsx';
import { PatientHeader } from '../components/PatientHeader.tsx';
import type { RecordTabContext } from '../record-tab-context.ts';
import { defaultRecordTab, patientRecordTabs } from '../record-tabs.tsx';

interface PatientRecordPageProps {
  patientId: string;
  tab: string | undefined;
  onTabChange: (tab: string) => void;
}

/** A patient's record: the header, the break-the-glass flag, and the tabs each feature adds. */
export function PatientRecordPage({ patientId, tab, onTabChange }: PatientRecordPageProps) {
  const intl = useIntl();
  const me = useMe();
  const queryClient = useQueryClient();
  const record = useQuery(patientRecordQueryOptions(patientId));
  const [breakingGlass, setBreakingGlass] = useState(false);
  const viewer: RecordViewer = { role: me.role, staffMemberId: me.staffMemberId };

  const reload = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: patientQueryKeys.record(patientId) });
    void queryClient.invalidateQueries({ queryKey: auditQueryKeys.accessLog(patientId) });
  }, [queryClient, patientId]);

  return (
    <Stack gap="lg">
      <AnchorLink to="/patients" size="sm">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} />
          <FormattedMessage id="patients.patientRecordPage.allPatients" defaultMessage="All patients" />
        </Group>
      </AnchorLink>
      {record.isPending && (
        <Stack
          gap="sm"
          aria-busy="true"
          aria-label={intl.formatMessage({
            id: 'patients.patientRecordPage.loading',
            defaultMessage: 'Loading the record',
          })}
        >
          <Skeleton height={110} />
          <Skeleton height={200} />
        </Stack>
      )}
      {record.isError &&
        (describeProblem(record.error).status === 403 && mayEverBreakGlass(me.role) ? (
          <RefusedRecord error={record.error} onBreakGlass={() => setBreakingGlass(true)} />
        ) : (
          <ErrorPanel error={record.error} onRetry={() => void record.refetch()} />
        ))}
      {record.isSuccess && (
        <RecordView
          record={record.data}
          viewer={viewer}
          tab={tab}
          onTabChange={onTabChange}
          onBreakGlass={() => setBreakingGlass(true)}
          onAccessEnded={reload}
        />
      )}
      <BreakGlassDialog
        patientId={patientId}
        opened={breakingGlass}
        onClose={() => setBreakingGlass(false)}
        onGranted={() => {
          notifications.show({
            color: 'red',
            message: intl.formatMessage({
              id: 'patients.patientRecordPage.accessGranted',
              defaultMessage: 'Emergency access granted for one hour.',
            }),
          });
          reload();
        }}
      />
    </Stack>
  );
}

interface RecordViewProps {
  record: PatientRecord;
  viewer: RecordViewer;
  tab: string | undefined;
  onTabChange: (tab: string) => void;
  onBreakGlass: () => void;
  onAccessEnded: () => void;
}

function RecordView({ record, viewer, tab, onTabChange, onBreakGlass, onAccessEnded }: RecordViewProps) {
  const intl = useIntl();
  const context: RecordTabContext = { record, viewer, now: new Date(), onBreakGlass };
  const tabs = patientRecordTabs.filter((candidate) => candidate.visible(context));
  const active = tabs.some((candidate) => candidate.value === tab) ? tab : defaultRecordTab;
  const expiresAt = record.access.breakGlassExpiresAt;
  return (
    <Stack gap="lg">
      {expiresAt !== null && Date.parse(expiresAt) > Date.now() && (
        <BreakGlassBanner expiresAt={expiresAt} onExpired={onAccessEnded} />
      )}
      <PatientHeader record={record} />
      <Tabs value={active} onChange={(value) => value && onTabChange(value)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((candidate) => (
            <Tabs.Tab key={candidate.value} value={candidate.value} leftSection={candidate.icon}>
              {intl.formatMessage(candidate.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map(({ value, Panel }) => (
          <Tabs.Panel key={value} value={value} pt="md">
            <Panel {...context} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

/** The server refused the record itself; a clinician may still open it in an emergency. */
function RefusedRecord({ error, onBreakGlass }: { error: unknown; onBreakGlass: () => void }) {
  const intl = useIntl();
  const problem = describeProblem(error);
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconLock />}
      title={intl.formatMessage({
        id: 'patients.refusedRecord.title',
        defaultMessage: 'This record is closed to you',
      })}
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{problem.detail ?? problem.title}</Text>
        <Button color="red" onClick={onBreakGlass}>
          <FormattedMessage id="patients.refusedRecord.breakTheGlass" defaultMessage="Break the glass" />
        </Button>
      </Stack>
    </Alert>
  );
}
