import type { QueryClient } from '@tanstack/react-query';
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  redirect,
} from '@tanstack/react-router';
import { parseAuditSearch } from '../audit-log/filters.ts';
import { meQueryOptions } from '../auth/api.ts';
import { safeRedirectTarget, signInSearch } from '../auth/redirect-target.ts';
import { securityQueryOptions } from '../auth/security-api.ts';
import { DashboardPage } from '../dashboard/pages/DashboardPage.tsx';
import { outboxQueryOptions } from '../outbox/api.ts';
import { staffListQueryOptions, staffMemberQueryOptions } from '../staff/api.ts';
import { AuthenticatedLayout } from './AuthenticatedLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PageLoader } from './PageLoader.tsx';
import { RootLayout } from './RootLayout.tsx';
import { RouteErrorPage } from './RouteErrorPage.tsx';

/**
 * Every page but the dashboard is a chunk of its own, loaded when it is first opened (or on hover,
 * with the router's preload): a patient's first visit does not download the clinician workspace.
 * bench/portal-bundle.ts measures what it does download.
 */
const RegisterPatientPage = lazyRouteComponent(
  () => import('../admission/pages/RegisterPatientPage.tsx'),
  'RegisterPatientPage',
);
// Signed-in people (most loads: a patient opening the portal again) never need the sign-in page's code.
const SignInPage = lazyRouteComponent(() => import('../auth/pages/SignInPage.tsx'), 'SignInPage');
// Choosing a new password is rare: its two pages stay out of everyone's first load.
const ForgotPasswordPage = lazyRouteComponent(
  () => import('../auth/pages/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const ResetPasswordPage = lazyRouteComponent(
  () => import('../auth/pages/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
);
const AuditLogPage = lazyRouteComponent(() => import('../audit-log/pages/AuditLogPage.tsx'), 'AuditLogPage');
const AccountSecurityPage = lazyRouteComponent(
  () => import('../auth/pages/AccountSecurityPage.tsx'),
  'AccountSecurityPage',
);
const MyConsentsPage = lazyRouteComponent(
  () => import('../consents/pages/MyConsentsPage.tsx'),
  'MyConsentsPage',
);
const SharedRecordPage = lazyRouteComponent(
  () => import('../disclosures/pages/SharedRecordPage.tsx'),
  'SharedRecordPage',
);
const AcceptInvitationPage = lazyRouteComponent(
  () => import('../invitations/pages/AcceptInvitationPage.tsx'),
  'AcceptInvitationPage',
);
const OutboxPage = lazyRouteComponent(() => import('../outbox/pages/OutboxPage.tsx'), 'OutboxPage');
const PatientListPage = lazyRouteComponent(
  () => import('../patients/pages/PatientListPage.tsx'),
  'PatientListPage',
);
const PatientRecordPage = lazyRouteComponent(
  () => import('../patients/pages/PatientRecordPage.tsx'),
  'PatientRecordPage',
);
const ProgramSettingsPage = lazyRouteComponent(
  () => import('../settings/pages/ProgramSettingsPage.tsx'),
  'ProgramSettingsPage',
);
const StaffDetailPage = lazyRouteComponent(
  () => import('../staff/pages/StaffDetailPage.tsx'),
  'StaffDetailPage',
);
const StaffListPage = lazyRouteComponent(() => import('../staff/pages/StaffListPage.tsx'), 'StaffListPage');

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: RootLayout,
  errorComponent: RouteErrorPage,
  notFoundComponent: NotFoundPage,
});

interface SignInSearch {
  redirect?: string;
  /** Signed out by the idle timeout after this many seconds: the page says so. */
  idle?: number;
}

function parseSignInSearch(search: Record<string, unknown>): SignInSearch {
  const parsed: SignInSearch = {};
  if (typeof search.redirect === 'string') parsed.redirect = search.redirect;
  const idle = Number(search.idle);
  if (Number.isInteger(idle) && idle > 0 && idle <= 86_400) parsed.idle = idle;
  return parsed;
}

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/sign-in',
  validateSearch: parseSignInSearch,
  beforeLoad: async ({ context, search }) => {
    // Already signed in (a bookmark, the back button): go where the person was heading. Always asks the
    // server: a cached answer may predate a sign-out.
    const me = await context.queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 }).catch(() => null);
    if (me) throw redirect({ href: safeRedirectTarget(search.redirect), replace: true });
  },
  component: function SignInRoute() {
    const { redirect: redirectTo, idle } = signInRoute.useSearch();
    return <SignInPage redirectTo={redirectTo} idleSeconds={idle} />;
  },
});

/** Public: where an invitation link lands. The token is the credential; nothing here needs a session. */
const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invitations/$token',
  component: function AcceptInvitationRoute() {
    const { token } = acceptInvitationRoute.useParams();
    return <AcceptInvitationPage token={token} />;
  },
});

/** Public: asking for a password reset link by mail. */
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/forgot-password',
  component: ForgotPasswordPage,
});

/** Public: where a password reset link lands. The token is the credential. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password/$token',
  component: function ResetPasswordRoute() {
    const { token } = resetPasswordRoute.useParams();
    return <ResetPasswordPage token={token} />;
  },
});

/** Pathless layout: every route below it needs a session, and gets the frame for the person's role. */
const authenticatedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'authenticated',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQueryOptions);
    if (!me) throw redirect({ to: '/sign-in', search: signInSearch(location.href), replace: true });
    // The organization requires two-step verification of this role and it is not set up: enrolment first.
    const security = await context.queryClient.ensureQueryData(securityQueryOptions).catch(() => null);
    if (security?.twoFactor.enrolmentRequired && location.pathname !== '/account/security') {
      throw redirect({ to: '/account/security', replace: true });
    }
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

const programSettingsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/settings',
  component: ProgramSettingsPage,
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

const outboxRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/outbox',
  loader: ({ context }) => {
    void context.queryClient.prefetchQuery(outboxQueryOptions);
  },
  component: OutboxPage,
});

const registerPatientRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/patients/new',
  component: RegisterPatientPage,
});

const patientListRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/patients',
  component: PatientListPage,
});

interface PatientRecordSearch {
  tab?: string;
}

// No loader: opening a record is an audited read, so it happens when the page shows, never on a hover preload.
const patientRecordRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/patients/$patientId',
  validateSearch: (search: Record<string, unknown>): PatientRecordSearch =>
    typeof search.tab === 'string' && /^[a-z-]{1,40}$/.test(search.tab) ? { tab: search.tab } : {},
  component: function PatientRecordRoute() {
    const { patientId } = patientRecordRoute.useParams();
    const { tab } = patientRecordRoute.useSearch();
    const navigate = patientRecordRoute.useNavigate();
    return (
      <PatientRecordPage
        patientId={patientId}
        tab={tab}
        onTabChange={(next) => void navigate({ search: { tab: next }, replace: true })}
      />
    );
  },
});

// No loader: each view of what a patient shares is a disclosure, made only when the page shows.
const sharedRecordRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/shared/$patientId',
  component: function SharedRecordRoute() {
    const { patientId } = sharedRecordRoute.useParams();
    return <SharedRecordPage patientId={patientId} />;
  },
});

const myConsentsRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/my-consents',
  component: MyConsentsPage,
});

const auditLogRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/audit',
  validateSearch: parseAuditSearch,
  component: function AuditLogRoute() {
    const filters = auditLogRoute.useSearch();
    const navigate = auditLogRoute.useNavigate();
    return (
      <AuditLogPage
        filters={filters}
        onFiltersChange={(next) => void navigate({ search: next, replace: true })}
      />
    );
  },
});

const accountSecurityRoute = createRoute({
  getParentRoute: () => authenticatedRoute,
  path: '/account/security',
  component: AccountSecurityPage,
});

const routeTree = rootRoute.addChildren([
  signInRoute,
  acceptInvitationRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  authenticatedRoute.addChildren([
    dashboardRoute,
    staffListRoute,
    programSettingsRoute,
    staffMemberRoute,
    outboxRoute,
    patientListRoute,
    registerPatientRoute,
    patientRecordRoute,
    auditLogRoute,
    sharedRecordRoute,
    myConsentsRoute,
    accountSecurityRoute,
  ]),
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
