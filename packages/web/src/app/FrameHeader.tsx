import { Badge, Group, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useMe } from '../auth/me-context.ts';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { AnchorLink } from './links.tsx';
import { UserMenu } from './UserMenu.tsx';

interface FrameHeaderProps {
  /** The burger that opens the navbar on small screens, when the frame has one. */
  navToggle?: ReactNode;
}

/** Header shared by the workspace and the portal: product, organization, demo marker, scheme, account. */
export function FrameHeader({ navToggle }: FrameHeaderProps) {
  const { organization } = useMe();
  const intl = useIntl();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        {navToggle}
        <AnchorLink to="/" underline="never" c="inherit" fw={700} fz="lg">
          <FormattedMessage
            id="app.frameHeader.productName"
            defaultMessage="Tandem"
            description="The product's name, the link home: not translated"
          />
        </AnchorLink>
        <Text c="dimmed" size="sm" truncate visibleFrom="xs" data-testid="organization-name">
          {organization.name}
        </Text>
        {organization.isDemo && (
          <Tooltip
            label={intl.formatMessage({
              id: 'app.frameHeader.demoExplanation',
              defaultMessage: 'This organization holds made-up people only, never real patients.',
            })}
            withArrow
          >
            <Badge color="orange" variant="light">
              <FormattedMessage id="app.frameHeader.demoData" defaultMessage="Demo data" />
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Group gap="sm" wrap="nowrap">
        <ColorSchemeToggle />
        <UserMenu />
      </Group>
    </Group>
  );
}
