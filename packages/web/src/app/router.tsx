import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  Outlet,
  redirect,
} from '@tanstack/react-router';
import { meQueryOptions } from '../auth/api.ts';
import { SignInPage } from '../auth/pages/SignInPage.tsx';
import { safeRedirectTarget, signInSearch } from '../auth/redirect-target.ts';
import { DashboardPage } from '../dashboard/pages/DashboardPage.tsx';
import { staffListQueryOptions, staffMemberQueryOptions } from '../staff/api.ts';
import { StaffDetailPage } from '../staff/pages/StaffDetailPage.tsx';
import { StaffListPage } from '../staff/pages/StaffListPage.tsx';
import { AuthenticatedLayout } from './AuthenticatedLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageLoader } from './PageLoader.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  errorComponent: RouteErrorPage,
  notFoundComponent: NotFoundPage,
});

interface SignInSearch {
  redirect?: string;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: (search: Record<string, unknown>): SignInSearch =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    // Already signed in (a bookmark, the back button): go where the person was heading. Always asks the
    // server: a cached answer may predate a sign-out.
    const me = await context.queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 }).catch(() => null);
    if (me) throw redirect({ href: safeRedirectTarget(search.redirect), replace: true });
  },
  component: function SignInRoute() {
    const { redirect: redirectTo } = signInRoute.useSearch();
    return <SignInPage redirectTo={redirectTo} />;
  },
});

/** Pathless layout: every route below it needs a session, and gets the frame for the person's role. */
const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/sign-in', search: signInSearch(location.href), replace: true });
  },
  component: AuthenticatedLayout,
});

const dashboardRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/',
  component: DashboardPage,
});

const staffListRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/staff',
  // Warm the cache (also on hover, via preload); the page renders its own loading and error states.
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(staffListQueryOptions);
  },
  component: StaffListPage,
});

const staffMemberRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/staff/$staffMemberId',
  loader: ({ context, params }) => {
    void context.queryClient.prefetchQuery(staffMemberQueryOptions(params.staffMemberId));
  },
  component: function StaffMemberRoute() {
    const { staffMemberId } = staffMemberRoute.useParams();
    return <StaffDetailPage staffMemberId={staffMemberId} />;
  },
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  authenticatedRoute.addChildren([dashboardRoute, staffListRoute, staffMemberRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // TanStack Query decides freshness; the router should always ask it.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PageLoader,
    defaultErrorComponent: RouteErrorPage,
    defaultNotFoundComponent: NotFoundPage,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
