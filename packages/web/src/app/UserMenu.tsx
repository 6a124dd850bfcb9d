import { Avatar, Group, Menu, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconChevronDown, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { uiLanguages } from '@tandem/core';
import { Link } from '@tanstack/react-router';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMe } from '../auth/me-context.ts';
import { roleLabels } from '../auth/roles.ts';
import { useSignOut } from '../auth/use-sign-out.ts';
import { useChooseLanguage } from '../i18n/api.ts';
import { languageEndonyms } from '../i18n/language-names.ts';

export function UserMenu() {
  const me = useMe();
  const signOut = useSignOut();
  const chooseLanguage = useChooseLanguage();
  const intl = useIntl();
  const role = intl.formatMessage(roleLabels[me.role]);
  // Within the header (not a portal at the end of the body), so the open menu stays inside a landmark. No focus
  // placeholder: it is a focusable child of role="menu" that is no menu item (axe aria-required-children); the first
  // item takes focus instead, as the ARIA menu pattern has it.
  return (
    <Menu position="bottom-end" width={240} withinPortal={false} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        {/* Named by what it shows (WCAG 2.5.3): the person's name where it is visible, then what it opens. */}
        <UnstyledButton data-testid="user-menu">
          <Group gap="xs" wrap="nowrap">
            <Avatar size="sm" radius="xl" color="initials" name={me.user.name} aria-hidden />
            <Text size="sm" fw={500} visibleFrom="sm">
              {me.user.name}
            </Text>
            <VisuallyHidden>
              <FormattedMessage id="app.userMenu.label" defaultMessage="Account menu" />
            </VisuallyHidden>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <FormattedMessage id="app.userMenu.signedInAs" defaultMessage="Signed in as" />
        </Menu.Label>
        <div style={{ padding: '0 var(--mantine-spacing-sm) var(--mantine-spacing-xs)' }}>
          <Text size="sm" fw={500}>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" data-testid="user-role">
            {role}
          </Text>
          <Text size="xs" c="dimmed">
            {me.user.email}
          </Text>
        </div>
        <Menu.Divider />
        <Menu.Label>
          <FormattedMessage id="app.userMenu.language" defaultMessage="Language" />
        </Menu.Label>
        {uiLanguages.map((language) => (
          <Menu.Item
            key={language}
            lang={language}
            data-testid={`language-${language}`}
            leftSection={
              language === me.language ? <IconCheck size={16} aria-hidden /> : <span style={{ width: 16 }} />
            }
            aria-current={language === me.language ? 'true' : undefined}
            disabled={chooseLanguage.isPending}
            onClick={() => chooseLanguage.mutate(language)}
          >
            {languageEndonyms[language]}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/account/security" leftSection={<IconShieldLock size={16} />}>
          <FormattedMessage id="app.userMenu.accountSecurity" defaultMessage="Account security" />
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} />}
          onClick={() => signOut.mutate()}
          disabled={signOut.isPending}
        >
          <FormattedMessage id="app.userMenu.signOut" defaultMessage="Sign out" />
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
