import { Stack, Text } from '@mantine/core';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type { Role } from '../../api/types.ts';
import { roleLabels } from '../../auth/roles.ts';
import type { AuditLogEntry } from '../api.ts';
import { humanize } from '../labels.ts';

export function roleLabel(intl: IntlShape, role: string): string {
  const label = roleLabels[role as Role];
  return label ? intl.formatMessage(label) : humanize(role);
}

/** Who acted, and in which role they acted then. */
export function ActorCell({ actor }: { actor: AuditLogEntry['actor'] }) {
  const intl = useIntl();
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {actor.name ??
          (actor.userId === null ? (
            <FormattedMessage id="auditLog.actorCell.notSignedIn" defaultMessage="Not signed in" />
          ) : (
            <FormattedMessage id="auditLog.actorCell.unknownPerson" defaultMessage="Unknown person" />
          ))}
      </Text>
      <Text size="xs" c="dimmed">
        {roleLabel(intl, actor.role)}
      </Text>
    </Stack>
  );
}
