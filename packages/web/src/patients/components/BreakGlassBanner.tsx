import { Alert, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useEffect } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';

interface BreakGlassBannerProps {
  expiresAt: string;
  /** Called when the access ends, to reload the record as the viewer now sees it. */
  onExpired: () => void;
}

/** The flag on a record opened under break-the-glass, until the access ends. */
export function BreakGlassBanner({ expiresAt, onExpired }: BreakGlassBannerProps) {
  const intl = useIntl();
  useEffect(() => {
    const remaining = Date.parse(expiresAt) - Date.now();
    // setTimeout cannot wait longer than about 24.8 days; a grant lasts an hour.
    const timer = setTimeout(onExpired, Math.max(0, Math.min(remaining, 2 ** 31 - 1)) + 1000);
    return () => clearTimeout(timer);
  }, [expiresAt, onExpired]);

  return (
    <Alert
      color="red"
      variant="filled"
      icon={<IconAlertOctagon />}
      title={intl.formatMessage({
        id: 'patients.breakGlassBanner.title',
        defaultMessage: 'Emergency access (break the glass)',
      })}
      data-testid="break-glass-banner"
    >
      <Text size="sm">
        <FormattedMessage
          id="patients.breakGlassBanner.explanation"
          defaultMessage="You opened this record without being on the care team. Your access ends at <b>{time}</b>; everything you view is recorded and reported to supervisors."
          values={{
            time: intl.formatDate(expiresAt, { dateStyle: 'medium', timeStyle: 'short' }),
            b: (chunks) => <strong>{chunks}</strong>,
          }}
        />
      </Text>
    </Alert>
  );
}
