import { ActionIcon, useComputedColorScheme, useMantineColorScheme } from '@mantine/core';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { defineMessages, useIntl } from 'react-intl';

const messages = defineMessages({
  toDark: { id: 'app.colorSchemeToggle.toDark', defaultMessage: 'Switch to dark color scheme' },
  toLight: { id: 'app.colorSchemeToggle.toLight', defaultMessage: 'Switch to light color scheme' },
});

export function ColorSchemeToggle() {
  const intl = useIntl();
  const { setColorScheme } = useMantineColorScheme();
  const computed = useComputedColorScheme('light');
  const next = computed === 'dark' ? 'light' : 'dark';
  const label = intl.formatMessage(next === 'dark' ? messages.toDark : messages.toLight);
  return (
    <ActionIcon
      variant="default"
      size="lg"
      aria-label={label}
      title={label}
      onClick={() => setColorScheme(next)}
    >
      {computed === 'dark' ? <IconSun size={18} /> : <IconMoon size={18} />}
    </ActionIcon>
  );
}
