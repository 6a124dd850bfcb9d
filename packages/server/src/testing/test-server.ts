import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { RetryPolicy } from '@tandem/core/outbox/delivery';
import { type RunningTandem, startTandem } from '../app/start.ts';
import type { TotpSecret } from '../auth/totp.ts';
import { parseConfig } from '../config/config.ts';
import { demoAccounts, demoPassword, demoTotpSecret, demoTwoFactorRoles } from '../demo/demo-accounts.ts';
import { csrfHeader } from '../http/csrf.ts';
import { createPostgresDatabase, pgliteTestTemplate, testLeg } from './test-database.ts';
import { unusedTotpCode } from './totp-codes.ts';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

export interface TestServer extends RunningTandem {
  dataDir: string;
  /** The PostgreSQL database of this server (postgres leg only), for a second process on the same data. */
  databaseUrl: string | undefined;
  authSecret: string;
  /**
   * Signs in as a demo account and returns a client that sends that session's cookie. An account with two-step
   * verification also answers the code of its authenticator: the demo admin's from the demo secret, any other's
   * from `totpSecret`.
   */
  signIn(email: string, password?: string, options?: { totpSecret?: TotpSecret }): Promise<TestClient>;
  anonymous: TestClient;
}

/** The name=value pairs a response sets, leaving out cookies it clears. */
export function cookiesSetBy(response: Response): string[] {
  return response.headers
    .getSetCookie()
    .filter((value) => !/max-age=0/i.test(value))
    .map((value) => value.split(';')[0] as string)
    .filter((pair) => !pair.endsWith('='));
}

function demoTotpSecretFor(email: string): TotpSecret | undefined {
  const account = demoAccounts.find((candidate) => candidate.email === email);
  return account !== undefined && demoTwoFactorRoles.includes(account.role) ? demoTotpSecret : undefined;
}

export interface TestClient {
  cookie: string | undefined;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** A real Tandem on a free port, on the current test leg's database, with the demo organization. */
export async function startTestServer(
  options: {
    demo?: boolean;
    sessionCacheSeconds?: number;
    idleTimeoutMinutes?: number;
    sessionMaxHours?: number;
    logStream?: NodeJS.WritableStream;
    /** The address Tandem believes it is served at (default: its own http address). */
    publicUrl?: string;
    /**
     * A mail server to deliver the outbox to (TANDEM_SMTP_URL: startTestSmtpServer's url). Delivery runs when the
     * test calls `mail.deliverDue()`, unless `deliveryIntervalMs` schedules it (browser tests).
     */
    smtp?: { url: string; deliveryIntervalMs?: number; retry?: RetryPolicy };
  } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-test-'));
  const postgres = testLeg() === 'postgres' ? await createPostgresDatabase() : undefined;
  const port = await freePort();
  // Fixed, so that a second process on the same database can read the same cookies and two-step secrets.
  const authSecret = 'tandem-test-auth-secret-0123456789abcdef';
  const config = parseConfig({
    port,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: postgres?.url,
    publicUrl: options.publicUrl ?? `http://127.0.0.1:${port}`,
    authSecret,
    logLevel: 'silent',
    demo: options.demo ?? true,
    sessionCacheSeconds: options.sessionCacheSeconds ?? 5,
    ...(options.idleTimeoutMinutes === undefined ? {} : { idleTimeoutMinutes: options.idleTimeoutMinutes }),
    ...(options.sessionMaxHours === undefined ? {} : { sessionMaxHours: options.sessionMaxHours }),
    ...(options.smtp === undefined
      ? {}
      : { smtpUrl: options.smtp.url, mailFrom: 'Tandem <tandem@example.org>' }),
  });
  const embeddedTemplate = postgres === undefined ? await pgliteTestTemplate() : undefined;
  const running = await startTandem(config, {
    // Tests escalate alerts by hand (alertService.escalateDue), never on a timer that races them.
    alertSweepIntervalMs: 0,
    // Tests deliver mail by hand (mail.deliverDue()), unless they ask for the schedule.
    mailDeliveryIntervalMs: options.smtp?.deliveryIntervalMs ?? 0,
    ...(options.smtp?.retry === undefined ? {} : { mailRetry: options.smtp.retry }),
    ...(embeddedTemplate === undefined ? {} : { embeddedTemplate }),
    ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
  });
  const client = (cookie: string | undefined): TestClient => ({
    cookie,
    request(method, requestPath, body, headers = {}) {
      return fetch(`${running.url}${requestPath}`, {
        method,
        headers: {
          ...(cookie === undefined ? {} : { cookie }),
          ...(method === 'GET' ? {} : { [csrfHeader]: '1' }),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    },
    async json(method, requestPath, body) {
      const response = await this.request(method, requestPath, body);
      const text = await response.text();
      return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as never };
    },
  });
  return {
    ...running,
    dataDir,
    databaseUrl: postgres?.url,
    authSecret,
    anonymous: client(undefined),
    async signIn(email, password = demoPassword, signInOptions = {}) {
      const response = await client(undefined).request('POST', '/api/auth/sign-in/email', {
        email,
        password,
      });
      if (response.status !== 200) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
      const body = (await response.json()) as { twoFactorRequired?: boolean };
      let cookie = cookiesSetBy(response).join('; ');
      if (body.twoFactorRequired === true) {
        const secret = signInOptions.totpSecret ?? demoTotpSecretFor(email);
        if (secret === undefined) throw new Error(`${email} needs a two-step code: pass its totpSecret`);
        const verified = await client(cookie).request('POST', '/api/auth/two-factor/verify-totp', {
          code: await unusedTotpCode(running.database.db, email, secret),
        });
        if (verified.status !== 200) {
          throw new Error(`The two-step code for ${email} was refused with ${verified.status}`);
        }
        cookie = cookiesSetBy(verified).join('; ');
      }
      return client(cookie);
    },
    async close() {
      await running.close();
      await postgres?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
