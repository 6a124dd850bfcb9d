import { type ComponentType, lazy, Suspense } from 'react';
import type { Role } from '../../api/types.ts';
import { PageLoader } from '../../app/PageLoader.tsx';
import { useMe } from '../../auth/me-context.ts';

/** Each role's dashboard is a chunk of its own: the portal's first page loads none of the workspace's. */
const dashboards: Record<Role, ComponentType> = {
  admin: lazy(() => import('../components/AdminDashboard.tsx').then((m) => ({ default: m.AdminDashboard }))),
  clinician: lazy(() =>
    import('../components/ClinicianDashboard.tsx').then((m) => ({ default: m.ClinicianDashboard })),
  ),
  prescriber: lazy(() =>
    import('../components/PrescriberDashboard.tsx').then((m) => ({ default: m.PrescriberDashboard })),
  ),
  front_desk: lazy(() =>
    import('../components/FrontDeskDashboard.tsx').then((m) => ({ default: m.FrontDeskDashboard })),
  ),
  supervisor: lazy(() =>
    import('../components/SupervisorDashboard.tsx').then((m) => ({ default: m.SupervisorDashboard })),
  ),
  patient: lazy(() =>
    import('../components/PatientDashboard.tsx').then((m) => ({ default: m.PatientDashboard })),
  ),
  family_member: lazy(() =>
    import('../components/FamilyMemberDashboard.tsx').then((m) => ({ default: m.FamilyMemberDashboard })),
  ),
};

/** `/`: the dashboard for the signed-in person's role. */
export function DashboardPage() {
  const { role } = useMe();
  const Dashboard = dashboards[role];
  return (
    <Suspense fallback={<PageLoader />}>
      <Dashboard />
    </Suspense>
  );
}
