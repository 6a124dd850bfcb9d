import { EmptyState, Table } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { FormattedMessage } from 'react-intl';
import type { StaffMember } from '../../api/types.ts';
import { AnchorLink } from '../../app/links.tsx';
import { roleLabels } from '../../auth/roles.ts';
import { approachLabel, languageName, yearsText } from '../labels.ts';
import { ActiveBadge } from './ActiveBadge.tsx';

function listOrDash(values: string[]): string {
  return values.length > 0 ? values.join(', ') : '—';
}

export function StaffTable({ staff }: { staff: StaffMember[] }) {
  if (staff.length === 0) {
    return (
      <EmptyState
        icon={<IconUsersGroup />}
        withIndicatorBackground
        title="No staff members yet"
        description="People who work in this organization will be listed here."
      />
    );
  }
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped highlightOnHover verticalSpacing="sm" data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Role</Table.Th>
            <Table.Th>Credentials</Table.Th>
            <Table.Th>Approaches</Table.Th>
            <Table.Th>Languages</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              Addiction experience
            </Table.Th>
            <Table.Th w={110}>Status</Table.Th>
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
              <Table.Td>{listOrDash(member.credentials)}</Table.Td>
              <Table.Td>{listOrDash(member.approaches.map(approachLabel))}</Table.Td>
              <Table.Td>{listOrDash(member.languages.map(languageName))}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {yearsText(member.yearsAddictionExperience)}
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
