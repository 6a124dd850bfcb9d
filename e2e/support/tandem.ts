import { startTestServer, type TestServer } from '@tandem/server/testing/test-server';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ensureWebBuild } from './web-build.ts';

export interface BrowserTandem {
  server: TestServer;
  browser: Browser;
  /** A fresh browser profile (own cookies) whose relative URLs go to this Tandem; `locale` sets its languages. */
  newContext(options?: Pick<BrowserContextOptions, 'locale'>): Promise<BrowserContext>;
  close(): Promise<void>;
}

/**
 * One Tandem serving the built web app (demo organization, own temporary data folder, the test leg's database)
 * and one headless Chromium. Each test takes its own context so sessions never leak between tests.
 */
export async function startBrowserTandem(
  serverOptions: Parameters<typeof startTestServer>[0] = {},
): Promise<BrowserTandem> {
  await ensureWebBuild();
  const server = await startTestServer(serverOptions);
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    async newContext(options = {}) {
      const context = await browser.newContext({
        baseURL: server.url,
        viewport: { width: 1280, height: 800 },
        ...options,
      });
      context.setDefaultTimeout(15_000);
      return context;
    },
    async close() {
      await browser.close().catch(() => {});
      await server.close();
    },
  };
}
