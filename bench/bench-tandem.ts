/**
 * What the benchmarks share: a demo Tandem started for one leg (PostgreSQL on a scratch database, or PGlite), and
 * signing in to it as a demo account.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type RunningTandem, type StartOptions, startTandem } from '@tandem/server/app/start';
import { parseConfig } from '@tandem/server/config/config';
import { demoAccountFor, demoPassword } from '@tandem/server/demo/demo-accounts';
import { freePort } from '@tandem/server/testing/test-server';
import { createScratchDatabase } from './postgres-database.ts';
import type { BenchOptions } from './types.ts';

export type Leg = 'postgres' | 'pglite';

/**
 * Measures the PostgreSQL leg on a fresh scratch database (dropped afterwards), then the PGlite leg. Without
 * `options.databaseUrl` the PostgreSQL leg is skipped and `notes` says so.
 */
export async function forEachLeg(
  options: BenchOptions,
  notes: string[],
  measure: (leg: Leg, databaseUrl: string | undefined) => Promise<void>,
): Promise<void> {
  if (options.onlyLeg === 'pglite') {
    notes.push('postgres leg skipped: --leg pglite');
  } else if (options.databaseUrl === undefined) {
    notes.push('postgres leg skipped: DATABASE_URL is unset');
  } else {
    const scratch = await createScratchDatabase(options.databaseUrl);
    try {
      await measure('postgres', scratch.url);
    } finally {
      await scratch.drop();
    }
  }
  if (options.onlyLeg === 'postgres') notes.push('pglite leg skipped: --leg postgres');
  else await measure('pglite', undefined);
}

/**
 * Starts a demo Tandem on a free port with a temporary data folder (PGlite when `databaseUrl` is unset), hands it
 * to `use`, then closes it and removes the folder.
 */
export async function withBenchTandem<T>(
  databaseUrl: string | undefined,
  use: (tandem: RunningTandem) => Promise<T>,
  startOptions?: StartOptions,
): Promise<T> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-bench-'));
  const port = await freePort();
  const tandem = await startTandem(
    parseConfig({
      port,
      host: '127.0.0.1',
      dataDir,
      databaseUrl,
      publicUrl: `http://127.0.0.1:${port}`,
      logLevel: 'silent',
      demo: true,
    }),
    startOptions,
  );
  try {
    return await use(tandem);
  } finally {
    await tandem.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Signs in as the demo clinician; answers the session cookie to send with each request. */
export function signInAsClinician(baseUrl: string): Promise<string> {
  return signIn(baseUrl, demoAccountFor('clinician').email);
}

/** The demo clinician's organization and staff record, as `GET /api/me` answers them. */
export async function clinicianStaffRecord(
  baseUrl: string,
  cookie: string,
): Promise<{ organizationId: string; staffMemberId: string }> {
  const me = (await getJson(`${baseUrl}/api/me`, cookie)) as {
    organization: { id: string };
    staffMemberId: string | null;
  };
  if (me.staffMemberId === null) throw new Error('The demo clinician has no staff record to read');
  return { organizationId: me.organization.id, staffMemberId: me.staffMemberId };
}

async function signIn(baseUrl: string, email: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-tandem-csrf': '1' },
    body: JSON.stringify({ email, password: demoPassword }),
  });
  if (response.status !== 200) throw new Error(`Sign-in as ${email} answered ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

export async function getJson(url: string, cookie: string): Promise<unknown> {
  const response = await fetch(url, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return response.json();
}
