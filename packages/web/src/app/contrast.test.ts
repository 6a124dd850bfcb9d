import { DEFAULT_THEME } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, readableOn } from './contrast.ts';
import { cssVariablesResolver } from './theme.ts';

describe('contrastRatio', () => {
  it('measures as WCAG does', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // Mantine's default secondary grey, which the accessibility review found on every page.
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
  });
});

describe('readableOn', () => {
  it('keeps a colour that already reads', () => {
    expect(readableOn('#495057', ['#ffffff'], 'darker', 4.5)).toBe('#495057');
  });

  it('darkens a colour until it reads on every background', () => {
    const grey = readableOn('#868e96', ['#ffffff', '#f1f3f5'], 'darker', 4.5);
    expect(contrastRatio(grey, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(grey, '#f1f3f5')).toBeGreaterThanOrEqual(4.5);
  });

  it('lightens for the dark scheme', () => {
    const grey = readableOn('#828282', ['#242424'], 'lighter', 4.5);
    expect(contrastRatio(grey, '#242424')).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the theme colours', () => {
  const theme = { ...DEFAULT_THEME, primaryColor: 'teal' };
  const resolved = cssVariablesResolver(theme);
  const light: Record<string, string> = resolved.light;
  const dark: Record<string, string> = resolved.dark;

  it('draws secondary text, links and errors at 4.5:1 or more on white', () => {
    for (const name of ['--mantine-color-dimmed', '--mantine-color-anchor', '--mantine-color-error']) {
      expect(contrastRatio(light[name] as string, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('draws white text on every filled colour, and light-variant text on its tint, at 4.5:1 or more', () => {
    for (const [name, shades] of Object.entries(theme.colors)) {
      if (name === 'dark') continue;
      expect(
        contrastRatio(light[`--mantine-color-${name}-filled`] as string, '#ffffff'),
        name,
      ).toBeGreaterThanOrEqual(4.5);
      expect(
        contrastRatio(light[`--mantine-color-${name}-light-color`] as string, shades[1]),
        name,
      ).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps secondary text readable in the dark scheme', () => {
    expect(
      contrastRatio(dark['--mantine-color-dimmed'] as string, theme.colors.dark[7]),
    ).toBeGreaterThanOrEqual(4.5);
  });
});
