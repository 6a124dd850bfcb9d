import { Stack, Text } from '@mantine/core';
import { defineMessages, FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import type { Role } from '../../api/types.ts';
import { roleLabels } from '../../auth/roles.ts';
import type { AuditLogEntry } from '../api.ts';
import { humanize } from '../labels.ts';

/** Who acts without a role in the organization: Tandem itself, someone not signed in, an invitation's holder. */
const otherActors = defineMessages({
  system: { id: 'auditLog.actorRole.system', defaultMessage: 'Tandem (automatic)' },
  anonymous: { id: 'auditLog.actorRole.anonymous', defaultMessage: 'Not signed in' },
  invitee: { id: 'auditLog.actorRole.invitee', defaultMessage: 'Invitation link holder' },
});

export function roleLabel(intl: IntlShape, role: string): string {
  const label = roleLabels[role as Role] ?? otherActors[role as keyof typeof otherActors];
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
