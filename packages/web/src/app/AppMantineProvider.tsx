import { MantineProvider } from '@mantine/core';
import { type ReactNode, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { appTheme, colorSchemeManager, cssVariablesResolver } from './theme.ts';

/** Mantine, themed in the current language (inside LocaleProvider, so that a switch renames its controls too). */
export function AppMantineProvider({ children }: { children: ReactNode }) {
  const intl = useIntl();
  const theme = useMemo(() => appTheme(intl), [intl]);
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      colorSchemeManager={colorSchemeManager}
      defaultColorScheme="auto"
    >
      {children}
    </MantineProvider>
  );
}
