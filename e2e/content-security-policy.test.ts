import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signInThroughPage } from './support/pages.ts';
import { useBrowserTandem } from './support/use-browser-tandem.ts';

const tandem = useBrowserTandem();

/**
 * Everything the browser refused under Tandem's Content-Security-Policy in this profile: the
 * `securitypolicyviolation` events of every page, and the console's own CSP messages.
 */
async function watchViolations(context: BrowserContext): Promise<string[]> {
  const violations: string[] = [];
  await context.exposeBinding('reportCspViolation', (_source, violation: string) => {
    violations.push(violation);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation;
      report(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

function isZodEvalProbe(violation: string): boolean {
  return /^script-src blocked eval \(http:\/\/[^/]+\/api\/docs\/js\/scalar\.js:\d+\)$/.test(violation);
}

/** Lets late work (styles injected after load, lazy chunks) happen before the violations are read. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}

describe('the Content-Security-Policy in the browser', () => {
  it('runs the sign-in page and a patient record with no CSP violation', async () => {
    const context = await tandem.newContext();
    const violations = await watchViolations(context);
    const response = await context.request.get('/sign-in', { headers: { accept: 'text/html' } });
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'/);

    const page = await signInThroughPage(context, 'clinician');
    await page.getByRole('link', { name: 'Patients' }).click();
    await page.getByRole('link', { name: /Nguyễn, José/ }).click();
    await page.getByRole('tab', { name: 'Care team' }).click();
    await page.getByTestId('care-team-current').waitFor();
    await settle(page);
    expect(violations).toEqual([]);
  });

  it('runs the API reference (/api/docs) with no CSP violation', async () => {
    const context = await tandem.newContext();
    const violations = await watchViolations(context);
    const page = await context.newPage();
    // Offline-proof: every file the page asks for (script, styles, fonts, the document) comes from Tandem.
    const outside: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (/^https?:/.test(url) && !url.startsWith(tandem.server.url)) outside.push(url);
    });
    await page.goto('/api/docs');
    // Scalar renders the document once it has fetched /api/openapi.json.
    await page.getByRole('heading', { name: 'Tandem API' }).first().waitFor();
    await settle(page);
    // The one refusal allowed: zod (inside Scalar's bundle) tries `Function('')` to learn whether it may compile
    // validators, catches the refusal and validates without compiling. Eval stays refused.
    expect(violations.filter((violation) => !isZodEvalProbe(violation))).toEqual([]);
    expect(outside).toEqual([]);
  });

  it("keeps the web app's hashed assets cacheable for good, and API answers out of every cache", async () => {
    const context = await tandem.newContext();
    const index = await context.request.get('/', { headers: { accept: 'text/html' } });
    expect(index.headers()['cache-control'] ?? '').not.toMatch(/immutable/);
    const asset = (await index.text()).match(/\/assets\/[^"']+\.js/)?.[0];
    expect(asset).toBeDefined();
    const script = await context.request.get(asset as string);
    expect(script.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await context.request.get('/api/me')).headers()['cache-control']).toBe('no-store');
    // The build's manifest is for the bundle benchmark only: no browser is served it.
    const manifest = await context.request.get('/.vite/manifest.json');
    expect(await manifest.text()).not.toContain('"isEntry"');
  });

  it('refuses to be framed by another page', async () => {
    const context = await tandem.newContext();
    const page = await context.newPage();
    await page.goto('/sign-in');
    const framed = await page.evaluate(async () => {
      const frame = document.createElement('iframe');
      frame.src = '/sign-in';
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      try {
        return frame.contentDocument?.querySelector('#root') !== null && frame.contentDocument !== null;
      } catch {
        return false;
      }
    });
    expect(framed).toBe(false);
  });
});
