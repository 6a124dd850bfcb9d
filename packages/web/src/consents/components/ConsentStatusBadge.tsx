import { Badge } from '@mantine/core';
import { FormattedMessage } from 'react-intl';
import type { Consent } from '../api.ts';
import { consentStatusColors, consentStatusLabels } from '../labels.ts';

export function ConsentStatusBadge({ status }: { status: Consent['status'] }) {
  return (
    <Badge
      color={consentStatusColors[status]}
      variant={status === 'active' ? 'filled' : 'light'}
      data-status={status}
    >
      <FormattedMessage {...consentStatusLabels[status]} />
    </Badge>
  );
}
