import { darken, lighten, luminance } from '@mantine/core';

/** WCAG 2.x contrast ratio of two opaque colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(first: string, second: string): number {
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/**
 * `color` itself when it reads at `minimum` contrast on every one of `backgrounds`, otherwise `color` darkened
 * (or lightened) in small steps until it does.
 */
export function readableOn(
  color: string,
  backgrounds: readonly string[],
  towards: 'darker' | 'lighter',
  minimum: number,
): string {
  const reads = (candidate: string) =>
    backgrounds.every((background) => contrastRatio(candidate, background) >= minimum);
  let candidate = color;
  for (let step = 0; step < 40 && !reads(candidate); step += 1) {
    candidate = towards === 'darker' ? darken(candidate, 0.04) : lighten(candidate, 0.04);
  }
  return candidate;
}
