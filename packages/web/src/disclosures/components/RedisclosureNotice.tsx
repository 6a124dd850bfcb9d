import { Alert, Spoiler, Stack, Text } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';

/**
 * The notice 42 CFR 2.32 requires with every disclosure made under the patient's consent: the abbreviated
 * statement, large, and the full statement beneath it.
 */
export function RedisclosureNotice({ notice, statement }: { notice: string; statement: string }) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconShieldLock />}
      title={notice}
      data-testid="redisclosure-notice"
      styles={{ title: { fontSize: 'var(--mantine-font-size-md)' } }}
    >
      <Stack gap={4}>
        <Text size="sm">Do not share what you see here with anyone else.</Text>
        <Spoiler maxHeight={0} showLabel="Read the full notice" hideLabel="Hide the full notice">
          <Text size="xs">{statement}</Text>
        </Spoiler>
      </Stack>
    </Alert>
  );
}
