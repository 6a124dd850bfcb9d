import { useSuspenseQuery } from '@tanstack/react-query';
import { Outlet, useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect } from 'react';
import { meQueryOptions } from '../auth/api.ts';
import { IdleSessionGuard } from '../auth/components/IdleSessionGuard.tsx';
import { MeContext } from '../auth/me-context.ts';
import { signInSearch } from '../auth/redirect-target.ts';
import { isPortalRole } from '../auth/roles.ts';
import { PageLoader } from './PageLoader.tsx';
import { PortalFrame } from './PortalFrame.tsx';
import { WorkspaceFrame } from './WorkspaceFrame.tsx';

/** Everything behind sign-in: the frame fitting the person's role around the current page. */
export function AuthenticatedLayout() {
  const { data: me } = useSuspenseQuery(meQueryOptions);
  const router = useRouter();
  const navigate = useNavigate();

  // The session can end while a page is open (expiry, sign-out in another tab): the me query turns null.
  useEffect(() => {
    if (me) return;
    const href = router.state.location.href;
    // Already on the way to sign-in (explicit sign-out, or an earlier run of this effect).
    if (href.startsWith('/sign-in')) return;
    void navigate({ to: '/sign-in', search: signInSearch(href), replace: true });
  }, [me, navigate, router]);

  if (!me) return <PageLoader />;
  const Frame = isPortalRole(me.role) ? PortalFrame : WorkspaceFrame;
  return (
    <MeContext value={me}>
      <Frame>
        <Outlet />
      </Frame>
      <IdleSessionGuard />
    </MeContext>
  );
}
