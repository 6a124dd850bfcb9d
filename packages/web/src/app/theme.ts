import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  defaultRadius: 'md',
});

/** Remembers the light/dark choice per browser; "auto" (follow the OS) until someone toggles. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'tandem-color-scheme' });
