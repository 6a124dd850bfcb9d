import { useSuspenseQuery } from '@tanstack/react-query';
import { Navigate, Outlet, useLocation } from '@tanstack/react-router';
import { meQueryOptions } from '../auth/api.ts';
import { MeContext } from '../auth/me-context.ts';
import { signInSearch } from '../auth/redirect-target.ts';
import { isPortalRole } from '../auth/roles.ts';
import { PortalFrame } from './PortalFrame.tsx';
import { WorkspaceFrame } from './WorkspaceFrame.tsx';

/** Everything behind sign-in: the frame fitting the person's role around the current page. */
export function AuthenticatedLayout() {
  const { data: me } = useSuspenseQuery(meQueryOptions);
  const href = useLocation({ select: (location) => location.href });
  // The session can end while a page is open (expiry, sign-out in another tab).
  if (!me) return <Navigate to="/sign-in" search={signInSearch(href)} replace />;
  const Frame = isPortalRole(me.role) ? PortalFrame : WorkspaceFrame;
  return (
    <MeContext value={me}>
      <Frame>
        <Outlet />
      </Frame>
    </MeContext>
  );
}
