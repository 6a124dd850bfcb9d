import { useQueryClient } from '@tanstack/react-query';
import { Outlet } from '@tanstack/react-router';
import { useSyncExternalStore } from 'react';
import type { Me } from '../api/types.ts';
import { meQueryKey } from '../auth/api.ts';
import { browserLanguage } from '../i18n/current-locale.ts';
import { useFollowLanguage } from '../i18n/LocaleProvider.tsx';
import { PageLoader } from './PageLoader.tsx';

/**
 * Every page: in the signed-in person's language, or the browser's before sign-in and after sign-out. Reads the
 * cached /api/me straight from the query cache, without fetching it (the authenticated routes do that): a
 * disabled query observer here did not hear of a new /api/me (a language just chosen).
 */
export function RootLayout() {
  const queryClient = useQueryClient();
  const me = useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () => queryClient.getQueryData<Me | null>(meQueryKey),
  );
  const inLanguage = useFollowLanguage(me?.language ?? browserLanguage());
  return inLanguage ? <Outlet /> : <PageLoader />;
}
