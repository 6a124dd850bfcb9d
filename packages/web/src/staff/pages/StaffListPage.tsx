import { Group, Stack, Title } from '@mantine/core';
import { FormattedMessage, useIntl } from 'react-intl';
import { mayInOrganization } from '../../access/policy.ts';
import { PageHeader } from '../../app/PageHeader.tsx';
import { useMe } from '../../auth/me-context.ts';
import { InviteStaffButton } from '../../invitations/components/InviteStaffButton.tsx';
import { PendingInvitations } from '../../invitations/components/PendingInvitations.tsx';
import { StaffDirectory } from '../components/StaffDirectory.tsx';

export function StaffListPage() {
  const { role } = useMe();
  const intl = useIntl();
  const mayInvite = mayInOrganization(role, 'create', 'staff_directory');
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <PageHeader
          title={intl.formatMessage({ id: 'staff.staffListPage.title', defaultMessage: 'Staff' })}
          description={intl.formatMessage({
            id: 'staff.staffListPage.description',
            defaultMessage:
              'Everyone who works in this program, with the credentials and approaches used to match patients.',
          })}
        />
        {mayInvite && <InviteStaffButton />}
      </Group>
      <StaffDirectory />
      {mayInvite && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            <FormattedMessage
              id="staff.staffListPage.openInvitations"
              defaultMessage="Open staff invitations"
            />
          </Title>
          <PendingInvitations
            kinds={['staff']}
            emptyText={intl.formatMessage({
              id: 'staff.staffListPage.noOpenInvitations',
              defaultMessage: 'No staff invitation is waiting to be accepted.',
            })}
          />
        </Stack>
      )}
    </Stack>
  );
}
