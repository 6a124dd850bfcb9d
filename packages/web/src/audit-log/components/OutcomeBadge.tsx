import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { AuditLogEntry } from '../api.ts';
import { outcomeColors, outcomeLabels } from '../labels.ts';

export function OutcomeBadge({ outcome }: { outcome: AuditLogEntry['outcome'] }) {
  return (
    <Badge
      color={outcomeColors[outcome]}
      variant={outcome === 'allowed' ? 'light' : 'filled'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      <FormattedMessage {...outcomeLabels[outcome]} />
    </Badge>
  );
}

/** Break-the-glass rows stand out in every audit table. */
export function auditRowStyle(outcome: AuditLogEntry['outcome']) {
  return outcome === 'break_glass' ? { backgroundColor: 'var(--mantine-color-red-light)' } : undefined;
}
