import { useQuery } from '@tanstack/react-query';
import { Outlet } from '@tanstack/react-router';
import { meQueryOptions } from '../auth/api.ts';
import { browserLanguage } from '../i18n/current-locale.ts';
import { useFollowLanguage } from '../i18n/LocaleProvider.tsx';
import { PageLoader } from './PageLoader.tsx';

/**
 * Every page: in the signed-in person's language, or the browser's before sign-in and after sign-out. Reads the
 * cached /api/me without fetching it (the authenticated routes do that).
 */
export function RootLayout() {
  const { data: me } = useQuery({ ...meQueryOptions, enabled: false });
  const inLanguage = useFollowLanguage(me?.language ?? browserLanguage());
  return inLanguage ? <Outlet /> : <PageLoader />;
}
