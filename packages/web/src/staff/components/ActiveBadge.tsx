import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';

export function ActiveBadge({ active }: { active: boolean }) {
  return (
    <Badge color={active ? 'teal' : 'gray'} variant="light">
      {active ? (
        <FormattedMessage id="staff.activeBadge.active" defaultMessage="Active" />
      ) : (
        <FormattedMessage id="staff.activeBadge.inactive" defaultMessage="Inactive" />
      )}
    </Badge>
  );
}
