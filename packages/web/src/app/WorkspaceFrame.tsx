import { AppShell, Burger } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconLayoutDashboard,
  IconListDetails,
  IconMail,
  IconSettings,
  IconUser,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { mayInOrganization, seesPatientList } from '../access/policy.ts';
import { useMe } from '../auth/me-context.ts';
import { FrameHeader } from './FrameHeader.tsx';
import { NavLinkLink } from './links.tsx';
import { mainContentId, SkipLink } from './SkipLink.tsx';

/** The clinician workspace: header, navigation for the features that exist, and the page. */
export function WorkspaceFrame({ children }: { children: ReactNode }) {
  const { role } = useMe();
  const [navOpened, { toggle: toggleNav, close: closeNav }] = useDisclosure(false);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      padding="lg"
    >
      <SkipLink />
      <AppShell.Header>
        <FrameHeader
          navToggle={
            <Burger
              opened={navOpened}
              onClick={toggleNav}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
          }
        />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <NavLinkLink
          to="/"
          activeOptions={{ exact: true }}
          label="Dashboard"
          leftSection={<IconLayoutDashboard size={18} />}
          onClick={closeNav}
        />
        {seesPatientList(role) && (
          <NavLinkLink
            to="/patients"
            label="Patients"
            leftSection={<IconUser size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'read', 'staff_directory') && (
          <NavLinkLink
            to="/staff"
            label="Staff"
            leftSection={<IconUsersGroup size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'update', 'organization_settings') && (
          <NavLinkLink
            to="/settings"
            label="Program settings"
            leftSection={<IconSettings size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'read', 'outbox') && (
          <NavLinkLink to="/outbox" label="Outbox" leftSection={<IconMail size={18} />} onClick={closeNav} />
        )}
        {mayInOrganization(role, 'read', 'audit_log') && (
          <NavLinkLink
            to="/audit"
            label="Audit trail"
            leftSection={<IconListDetails size={18} />}
            onClick={closeNav}
          />
        )}
      </AppShell.Navbar>
      <AppShell.Main id={mainContentId} tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
