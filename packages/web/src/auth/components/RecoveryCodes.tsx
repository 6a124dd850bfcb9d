import { Alert, Button, Code, CopyButton, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey } from '@tabler/icons-react';

/** Recovery codes, shown once: each signs in once when the authenticator app is not at hand. */
export function RecoveryCodes({ codes }: { codes: readonly string[] }) {
  return (
    <Alert color="yellow" variant="light" icon={<IconKey />} title="Save your recovery codes now">
      <Stack gap="sm">
        <Text size="sm">
          Each code signs you in once if you lose your phone. Keep them somewhere safe, away from this
          computer. They will not be shown again.
        </Text>
        <SimpleGrid cols={2} spacing={6} aria-label="Recovery codes" data-testid="recovery-codes">
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
              {copied ? 'Copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}
