import {
  Anchor,
  Combobox,
  type CSSVariablesResolver,
  createTheme,
  darken,
  localStorageColorSchemeManager,
  type MantineTheme,
  Modal,
  ModalHeader,
  type ModalHeaderProps,
  Notification,
  Table,
} from '@mantine/core';
import type { IntlShape } from 'react-intl';
import { readableOn } from './contrast.ts';

/** The theme in the current language: the names Mantine's own controls carry (close buttons) are words too. */
export function appTheme(intl: IntlShape) {
  const close = intl.formatMessage({ id: 'app.theme.close', defaultMessage: 'Close' });
  return createTheme({
    primaryColor: 'teal',
    defaultRadius: 'md',
    // Focus rings on keyboard focus (:focus-visible), never hidden: the ring is the primary colour, which
    // cssVariablesResolver keeps at 4.5:1 against the page.
    focusRing: 'auto',
    // People who ask their system for less motion get no modal, menu or notification transitions.
    respectReducedMotion: true,
    components: {
      // Every dialog's close button has a name (Mantine's has none by default), in the page's language.
      Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': close } } }),
      // Mantine draws a dialog's title bar as <header>, which reads as a second page banner; a plain box instead.
      // (ModalHeader passes `component` on to its Box; its props type does not list it.)
      ModalHeader: ModalHeader.extend({ defaultProps: { component: 'div' } as Partial<ModalHeaderProps> }),
      // A select's options stay beside their field (inside its dialog or the page's landmarks) instead of a
      // portal at the end of the body, where they belong to no landmark and come last in reading order.
      Combobox: Combobox.extend({ defaultProps: { withinPortal: false } }),
      // Links look like links, not only by colour (WCAG 1.4.1), also inside a sentence of secondary text.
      Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
      // A table wider than a phone scrolls sideways in its box: keyboard users reach that box with Tab (2.1.1).
      TableScrollContainer: Table.ScrollContainer.extend({
        defaultProps: { scrollAreaProps: { viewportProps: { tabIndex: 0 } } },
      }),
      Notification: Notification.extend({
        defaultProps: { closeButtonProps: { 'aria-label': close } },
        // Mantine draws a titled notification's text in a fixed grey (3.3:1); the readable secondary colour instead.
        styles: { description: { color: 'var(--mantine-color-dimmed)' } },
      }),
    },
  });
}

/** The body-text contrast of WCAG 2.2 AA (1.4.3) with a little room for rounding in the browser. */
const minimumContrast = 4.6;

/**
 * Mantine's default shades for text on colour are lighter than WCAG AA allows (grey secondary text at 3.3:1,
 * teal buttons and links at 2.6:1, yellow and orange badges at 2.7–3.6:1). These overrides keep Mantine's palette
 * and pick, per colour, the nearest shade that reads at 4.5:1 on the surfaces it is drawn on, darkening (or in the
 * dark scheme lightening) Mantine's shade only as far as needed.
 */
export const cssVariablesResolver: CSSVariablesResolver = (current: MantineTheme) => {
  const { colors, white } = current;
  const light: Record<`--${string}`, string> = {};
  const dark: Record<`--${string}`, string> = {};
  const lightSurfaces = [white, colors.gray[0], colors.gray[1]];
  const darkSurfaces = [colors.dark[7], colors.dark[6], colors.dark[5]];

  for (const name of Object.keys(colors)) {
    const shades = colors[name];
    if (shades === undefined || name === 'dark') continue;
    // Filled buttons and badges carry white text; outline and subtle ones draw the colour on the page.
    const filled = readableOn(shades[6], [white], 'darker', minimumContrast);
    const text = readableOn(shades[7], [...lightSurfaces, shades[1]], 'darker', minimumContrast);
    light[`--mantine-color-${name}-filled`] = filled;
    light[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
    light[`--mantine-color-${name}-outline`] = text;
    light[`--mantine-color-${name}-text`] = text;
    // Light variant (badges, alerts, active navigation): text on the colour's shade 1, and shade 2 on hover.
    light[`--mantine-color-${name}-light-color`] = readableOn(
      shades[9],
      [shades[1], shades[2], white],
      'darker',
      minimumContrast,
    );

    const darkFilled = readableOn(shades[8], [white], 'darker', minimumContrast);
    dark[`--mantine-color-${name}-filled`] = darkFilled;
    dark[`--mantine-color-${name}-filled-hover`] = darken(darkFilled, 0.1);
    dark[`--mantine-color-${name}-text`] = readableOn(shades[4], darkSurfaces, 'lighter', minimumContrast);
  }

  const primary = colors[current.primaryColor] ?? colors.teal;
  const lightTints = Object.entries(colors)
    .filter(([name]) => name !== 'dark')
    .map(([, shades]) => shades[1]);
  return {
    variables: {},
    light: {
      ...light,
      // Links, also in rows and alerts tinted with any colour.
      '--mantine-color-anchor': readableOn(
        primary[7],
        [...lightSurfaces, ...lightTints],
        'darker',
        minimumContrast,
      ),
      // Secondary text, also inside light alerts and badges of any colour.
      '--mantine-color-dimmed': readableOn(
        colors.gray[6],
        [...lightSurfaces, ...lightTints],
        'darker',
        minimumContrast,
      ),
      '--mantine-color-error': readableOn(
        colors.red[7],
        [...lightSurfaces, colors.red[1]],
        'darker',
        minimumContrast,
      ),
    },
    dark: {
      ...dark,
      '--mantine-color-anchor': readableOn(primary[4], darkSurfaces, 'lighter', minimumContrast),
      '--mantine-color-dimmed': readableOn(colors.dark[2], darkSurfaces, 'lighter', minimumContrast),
      '--mantine-color-error': readableOn(colors.red[6], darkSurfaces, 'lighter', minimumContrast),
    },
  };
};

/** Remembers the light/dark choice per browser; "auto" (follow the OS) until someone toggles. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'tandem-color-scheme' });
