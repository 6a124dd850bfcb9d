import { Stack, Text } from '@mantine/core';
import type { Role } from '../../api/types.ts';
import { roleLabels } from '../../auth/roles.ts';
import type { AuditLogEntry } from '../api.ts';
import { humanize } from '../labels.ts';

export function roleLabel(role: string): string {
  return roleLabels[role as Role] ?? humanize(role);
}

/** Who acted, and in which role they acted then. */
export function ActorCell({ actor }: { actor: AuditLogEntry['actor'] }) {
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {actor.name ?? (actor.userId === null ? 'Not signed in' : 'Unknown person')}
      </Text>
      <Text size="xs" c="dimmed">
        {roleLabel(actor.role)}
      </Text>
    </Stack>
  );
}
