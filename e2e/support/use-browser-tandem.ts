import type { Role } from '@tandem/core';
import type { TestServer } from '@tandem/server/testing/test-server';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { signInThroughPage } from './pages.ts';
import { type BrowserTandem, startBrowserTandem } from './tandem.ts';

export interface BrowserTandemFixture {
  /** The test server behind the browser (read inside tests: it starts in `beforeAll`). */
  readonly server: TestServer;
  /** A fresh browser profile, closed after the test; `locale` sets the languages the browser asks for. */
  newContext(options?: Pick<BrowserContextOptions, 'locale'>): Promise<BrowserContext>;
  /** A fresh browser profile signed in as the demo account of `role` through the sign-in page. */
  signedIn(role: Role): Promise<Page>;
}

/**
 * One browser Tandem for the test file: started before its tests, stopped after them; each test's browser
 * profiles are closed when the test ends, so sessions never leak between tests.
 */
export function useBrowserTandem(
  serverOptions?: Parameters<typeof startBrowserTandem>[0],
): BrowserTandemFixture {
  let tandem: BrowserTandem | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    tandem = await startBrowserTandem(serverOptions);
  });
  afterAll(async () => {
    await tandem?.close();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
  });

  const started = (): BrowserTandem => {
    if (tandem === undefined) throw new Error('The browser Tandem starts in beforeAll: use it inside a test');
    return tandem;
  };
  const newContext = async (options?: Pick<BrowserContextOptions, 'locale'>): Promise<BrowserContext> => {
    const context = await started().newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    get server() {
      return started().server;
    },
    newContext,
    async signedIn(role) {
      return signInThroughPage(await newContext(), role);
    },
  };
}
