import { Alert, Button, Code, CopyButton, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';
import { FormattedMessage, useIntl } from 'react-intl';

/** Recovery codes, shown once: each signs in once when the authenticator app is not at hand. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  const intl = useIntl();
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconKey />}
      title={intl.formatMessage({
        id: 'auth.recoveryCodes.title',
        defaultMessage: 'Save your recovery codes now',
      })}
    >
      <Stack gap="sm">
        <Text size="sm">
          <FormattedMessage
            id="auth.recoveryCodes.explanation"
            defaultMessage="Each code signs you in once if you lose your phone. Keep them somewhere safe, away from this computer. They will not be shown again."
          />
        </Text>
        <SimpleGrid
          cols={2}
          spacing={6}
          aria-label={intl.formatMessage({
            id: 'auth.recoveryCodes.label',
            defaultMessage: 'Recovery codes',
          })}
          data-testid="recovery-codes"
        >
          {codes.map((code) => (
            <Code key={code} fz="sm">
              {code}
            </Code>
          ))}
        </SimpleGrid>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="xs"
              w="fit-content"
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
              onClick={copy}
            >
              {copied ? (
                <FormattedMessage id="auth.recoveryCodes.copied" defaultMessage="Copied" />
              ) : (
                <FormattedMessage id="auth.recoveryCodes.copy" defaultMessage="Copy codes" />
              )}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
