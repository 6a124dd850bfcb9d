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
import { defineMessages, useIntl } from 'react-intl';
import { mayInOrganization, seesPatientList } from '../access/policy.ts';
import { useMe } from '../auth/me-context.ts';
import { FrameHeader } from './FrameHeader.tsx';
import { NavLinkLink } from './links.tsx';
import { mainContentId, SkipLink } from './SkipLink.tsx';

const messages = defineMessages({
  toggleNavigation: { id: 'app.workspaceFrame.toggleNavigation', defaultMessage: 'Toggle navigation' },
  mainNavigation: { id: 'app.workspaceFrame.mainNavigation', defaultMessage: 'Main navigation' },
  dashboard: { id: 'app.workspaceFrame.dashboard', defaultMessage: 'Dashboard' },
  patients: { id: 'app.workspaceFrame.patients', defaultMessage: 'Patients' },
  staff: { id: 'app.workspaceFrame.staff', defaultMessage: 'Staff' },
  programSettings: { id: 'app.workspaceFrame.programSettings', defaultMessage: 'Program settings' },
  outbox: { id: 'app.workspaceFrame.outbox', defaultMessage: 'Outbox' },
  auditTrail: { id: 'app.workspaceFrame.auditTrail', defaultMessage: 'Audit trail' },
});

/** The clinician workspace: header, navigation for the features that exist, and the page. */
export function WorkspaceFrame({ children }: { children: ReactNode }) {
  const { role } = useMe();
  const intl = useIntl();
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
              aria-label={intl.formatMessage(messages.toggleNavigation)}
            />
          }
        />
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={intl.formatMessage(messages.mainNavigation)}>
        <NavLinkLink
          to="/"
          activeOptions={{ exact: true }}
          label={intl.formatMessage(messages.dashboard)}
          leftSection={<IconLayoutDashboard size={18} />}
          onClick={closeNav}
        />
        {seesPatientList(role) && (
          <NavLinkLink
            to="/patients"
            label={intl.formatMessage(messages.patients)}
            leftSection={<IconUser size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'read', 'staff_directory') && (
          <NavLinkLink
            to="/staff"
            label={intl.formatMessage(messages.staff)}
            leftSection={<IconUsersGroup size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'update', 'organization_settings') && (
          <NavLinkLink
            to="/settings"
            label={intl.formatMessage(messages.programSettings)}
            leftSection={<IconSettings size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'read', 'outbox') && (
          <NavLinkLink
            to="/outbox"
            label={intl.formatMessage(messages.outbox)}
            leftSection={<IconMail size={18} />}
            onClick={closeNav}
          />
        )}
        {mayInOrganization(role, 'read', 'audit_log') && (
          <NavLinkLink
            to="/audit"
            label={intl.formatMessage(messages.auditTrail)}
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
