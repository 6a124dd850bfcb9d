// Mantine components that navigate with TanStack Router (typed `to`/`params`, client-side, preloading).
import {
  Anchor,
  type AnchorProps,
  Button,
  type ButtonProps,
  NavLink,
  type NavLinkProps,
} from '@mantine/core';
import { createLink, type LinkComponent } from '@tanstack/react-router';
import { type AnchorHTMLAttributes, forwardRef } from 'react';

type AnchorAttributes = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'color' | 'style'>;

const RoutedAnchor = forwardRef<HTMLAnchorElement, AnchorProps & AnchorAttributes>((props, ref) => (
  <Anchor ref={ref} {...props} />
));
const CreatedAnchorLink = createLink(RoutedAnchor);
export const AnchorLink: LinkComponent<typeof RoutedAnchor> = (props) => (
  <CreatedAnchorLink preload="intent" {...props} />
);

const RoutedButton = forwardRef<HTMLAnchorElement, ButtonProps & AnchorAttributes>((props, ref) => (
  <Button ref={ref} component="a" {...props} />
));
const CreatedButtonLink = createLink(RoutedButton);
export const ButtonLink: LinkComponent<typeof RoutedButton> = (props) => (
  <CreatedButtonLink preload="intent" {...props} />
);

// The router marks the current page's link with data-status="active"; Mantine's NavLink wants `active`.
type NavLinkAttributes = Omit<AnchorAttributes, 'children' | 'onChange'> & { 'data-status'?: string };
const RoutedNavLink = forwardRef<HTMLAnchorElement, NavLinkProps & NavLinkAttributes>((props, ref) => (
  <NavLink ref={ref} component="a" active={props['data-status'] === 'active'} {...props} />
));
const CreatedNavLinkLink = createLink(RoutedNavLink);
export const NavLinkLink: LinkComponent<typeof RoutedNavLink> = (props) => (
  <CreatedNavLinkLink preload="intent" {...props} />
);
