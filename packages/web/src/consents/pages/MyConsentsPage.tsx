import { Divider, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorPanel } from '../../app/ErrorPanel.tsx';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { portalPatientsQueryOptions } from '../../disclosures/api.ts';
import { DisclosureAccountingTable } from '../../disclosures/components/DisclosureAccountingTable.tsx';
import { consentAbilities } from '../abilities.ts';
import { ConsentsPanel } from '../components/ConsentsPanel.tsx';

/** What the policy offers a patient on their own record (the subject): revoking, not recording or printing. */
const ownRecord = { careTeam: [], access: { basis: 'subject', breakGlassExpiresAt: null } };

/** The patient portal: their consents (with revoke) and who received their information. */
export function MyConsentsPage() {
  const me = useMe();
  const intl = useIntl();
  const portal = useQuery(portalPatientsQueryOptions);
  const own = portal.data?.find((patient) => patient.relationship === 'self');
  return (
    <Stack gap="lg">
      <PageHeader
        title={intl.formatMessage({
          id: 'consents.myConsentsPage.title',
          defaultMessage: 'Sharing your information',
        })}
        description={intl.formatMessage({
          id: 'consents.myConsentsPage.description',
          defaultMessage:
            'Nothing from your treatment record is shared outside the program without your written consent.',
        })}
      />
      {portal.isPending && <Skeleton height={160} />}
      {portal.isError && <ErrorPanel error={portal.error} onRetry={() => void portal.refetch()} />}
      {portal.isSuccess && own === undefined && (
        <Text c="dimmed">
          <FormattedMessage
            id="consents.myConsentsPage.notLinked"
            defaultMessage="Your sign-in is not linked to a treatment record yet. Ask your care team."
          />
        </Text>
      )}
      {own !== undefined && (
        <>
          <ConsentsPanel
            patientId={own.patientId}
            patientName={own.name}
            viewerName={me.user.name}
            abilities={consentAbilities({ role: me.role, staffMemberId: null }, ownRecord, new Date())}
            byPatient
          />
          <Divider />
          <DisclosureAccountingTable patientId={own.patientId} forPatient />
        </>
      )}
    </Stack>
  );
}
