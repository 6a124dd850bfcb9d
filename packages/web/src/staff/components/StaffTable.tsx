import { EmptyState, Table } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type { StaffMember } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { roleLabels } from '../../auth/roles.ts';
import { approachLabel, languageName, yearsText } from '../labels.ts';
import { ActiveBadge } from './ActiveBadge.tsx';

function listOrDash(intl: IntlShape, values: string[]): string {
  return values.length > 0 ? intl.formatList(values, { type: 'unit' }) : '—';
}

export function StaffTable({ staff }: { staff: StaffMember[] }) {
  const intl = useIntl();
  if (staff.length === 0) {
    return (
      <EmptyState
        icon={<IconUsersGroup />}
        withIndicatorBackground
        title={intl.formatMessage({
          id: 'staff.staffTable.emptyTitle',
          defaultMessage: 'No staff members yet',
        })}
        description={intl.formatMessage({
          id: 'staff.staffTable.emptyDescription',
          defaultMessage: 'People who work in this organization will be listed here.',
        })}
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <FormattedMessage id="staff.staffTable.name" defaultMessage="Name" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="staff.staffTable.role" defaultMessage="Role" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="staff.staffTable.credentials" defaultMessage="Credentials" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="staff.staffTable.approaches" defaultMessage="Approaches" />
            </Table.Th>
            <Table.Th>
              <FormattedMessage id="staff.staffTable.languages" defaultMessage="Languages" />
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              <FormattedMessage
                id="staff.staffTable.addictionExperience"
                defaultMessage="Addiction experience"
              />
            </Table.Th>
            <Table.Th w={110}>
              <FormattedMessage id="staff.staffTable.status" defaultMessage="Status" />
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>
                <AnchorLink to="/staff/$staffMemberId" params={{ staffMemberId: member.id }} fw={500}>
                  {member.displayName}
                </AnchorLink>
              </Table.Td>
              <Table.Td>
                <FormattedMessage {...roleLabels[member.role]} />
              </Table.Td>
              <Table.Td>{listOrDash(intl, member.credentials)}</Table.Td>
              <Table.Td>
                {listOrDash(
                  intl,
                  member.approaches.map((approach) => approachLabel(intl, approach)),
                )}
              </Table.Td>
              <Table.Td>
                {listOrDash(
                  intl,
                  member.languages.map((tag) => languageName(intl, tag)),
                )}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {yearsText(intl, member.yearsAddictionExperience)}
              </Table.Td>
              <Table.Td>
                <ActiveBadge active={member.active} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
