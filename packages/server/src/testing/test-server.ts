import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { type RunningTandem, startTandem } from '../app/start.ts';
import { parseConfig } from '../config/config.ts';
import { demoPassword } from '../demo/demo-accounts.ts';
import { csrfHeader } from '../http/csrf.ts';
import { createPostgresDatabase, testLeg } from './test-database.ts';

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
  /** Signs in as a demo account and returns a client that sends that session's cookie. */
  signIn(email: string, password?: string): Promise<TestClient>;
  anonymous: TestClient;
}

export interface TestClient {
  cookie: string | undefined;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
}

/** A real Tandem on a free port, on the current test leg's database, with the demo organization. */
export async function startTestServer(
  options: { demo?: boolean; sessionCacheSeconds?: number; logStream?: NodeJS.WritableStream } = {},
): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tandem-test-'));
  const postgres = testLeg() === 'postgres' ? await createPostgresDatabase() : undefined;
  const port = await freePort();
  const config = parseConfig({
    port,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: postgres?.url,
    publicUrl: `http://127.0.0.1:${port}`,
    logLevel: 'silent',
    demo: options.demo ?? true,
    sessionCacheSeconds: options.sessionCacheSeconds ?? 5,
  });
  const running = await startTandem(
    config,
    options.logStream === undefined ? {} : { logStream: options.logStream },
  );
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
    anonymous: client(undefined),
    async signIn(email, password = demoPassword) {
      const response = await client(undefined).request('POST', '/api/auth/sign-in/email', {
        email,
        password,
      });
      if (response.status !== 200) throw new Error(`Sign-in as ${email} failed with ${response.status}`);
      const cookie = response.headers
        .getSetCookie()
        .map((value) => value.split(';')[0])
        .join('; ');
      return client(cookie);
    },
    async close() {
      await running.close();
      await postgres?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
