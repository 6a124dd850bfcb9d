import { mkdir, writeFile } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { NodeResult } from 'axe-core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { artifactsDir } from './pages.ts';

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices (landmarks, headings, table headers). */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * Waits until the page holds still: loaded, no skeleton left, no finite animation or transition running (a dialog
 * fading in has colours axe would misread). Spinners, which never end, are left spinning.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Data still loading shows as skeletons or busy regions; a page that never stops is checked as it is.
  await page
    .waitForFunction(
      () =>
        document.querySelector('.mantine-Skeleton-root[data-visible="true"], [aria-busy="true"]') === null,
      undefined,
      { timeout: 5_000 },
    )
    .catch(() => {});
  // Two frames, so that a transition about to start has started.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every(
          (animation) =>
            animation.playState !== 'running' ||
            animation.effect?.getComputedTiming().iterations === Infinity,
        ),
    undefined,
    { timeout: 5_000 },
  );
}

/** The elements a failing check points at (a menu's offending child, the text a colour was measured on). */
function related(node: NodeResult): string {
  const targets = [...node.any, ...node.all, ...node.none].flatMap(
    (check) => check.relatedNodes?.map((relatedNode) => relatedNode.target.join(' ')) ?? [],
  );
  return targets.length > 0 ? ` Related: ${[...new Set(targets)].join(', ')}.` : '';
}

/** One line per failing element: rule, impact, where, what to do, and the rule's documentation. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    // Label in name (WCAG 2.5.3) is still "experimental" in axe, so off unless named; the review found it failing.
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .withTags(axeTags)
    // Tandem has no frames: axe runs in the page itself rather than in a second, blank one.
    .setLegacyMode(true)
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${node.impact ?? violation.impact}) at ${node.target.join(' ')}: ${violation.help}. ` +
        `${(node.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}${related(node)} [${violation.helpUrl}]`,
    ),
  );
}

/**
 * Runs axe-core on the page as it is now, named `stateName` in the report, and fails the test on any violation
 * at any impact. The failure is soft: the test goes on to its other states so one run lists every violation,
 * and still fails at its end. The full list is also written to e2e/artifacts/axe/<stateName>.txt.
 */
export async function expectNoAxeViolations(page: Page, stateName: string): Promise<void> {
  await settled(page);
  const violations = await axeViolations(page);
  if (violations.length > 0) {
    const folder = `${artifactsDir}axe/`;
    await mkdir(folder, { recursive: true });
    await writeFile(`${folder}${stateName}.txt`, `${page.url()}\n${violations.join('\n')}\n`);
  }
  expect.soft(violations, `axe violations on "${stateName}" (${page.url()})`).toEqual([]);
}
