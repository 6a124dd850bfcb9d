import type { ComponentType } from 'react';
import type { Role } from '../../api/types.ts';
import { useMe } from '../../auth/me-context.ts';
import { AdminDashboard } from '../components/AdminDashboard.tsx';
import { ClinicianDashboard } from '../components/ClinicianDashboard.tsx';
import { FamilyMemberDashboard } from '../components/FamilyMemberDashboard.tsx';
import { FrontDeskDashboard } from '../components/FrontDeskDashboard.tsx';
import { PatientDashboard } from '../components/PatientDashboard.tsx';
import { PrescriberDashboard } from '../components/PrescriberDashboard.tsx';
import { SupervisorDashboard } from '../components/SupervisorDashboard.tsx';

const dashboards: Record<Role, ComponentType> = {
  admin: AdminDashboard,
  clinician: ClinicianDashboard,
  prescriber: PrescriberDashboard,
  front_desk: FrontDeskDashboard,
  supervisor: SupervisorDashboard,
  patient: PatientDashboard,
  family_member: FamilyMemberDashboard,
};

/** `/`: the dashboard for the signed-in person's role. */
export function DashboardPage() {
  const { role } = useMe();
  const Dashboard = dashboards[role];
  return <Dashboard />;
}
