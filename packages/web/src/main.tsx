import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';

import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { AppMantineProvider } from './app/AppMantineProvider.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createAppRouter } from './app/router.tsx';
import { browserLanguage, localeFor, switchLocale } from './i18n/current-locale.ts';
import { LocaleProvider } from './i18n/LocaleProvider.tsx';

// zod compiles its object parsers with eval unless told not to; the Content-Security-Policy forbids eval.
z.config({ jitless: true });

const queryClient = createQueryClient();
const router = createAppRouter(queryClient);

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');

// The first page shows in the browser's language; a signed-in person's own language follows from /api/me.
await switchLocale(localeFor(browserLanguage()));

createRoot(rootElement).render(
  <StrictMode>
    <LocaleProvider>
      <AppMantineProvider>
        <Notifications />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AppMantineProvider>
    </LocaleProvider>
  </StrictMode>,
);
