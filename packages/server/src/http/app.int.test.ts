import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAccountFor, demoPassword } from '../demo/demo-accounts.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';
import { scalarJokePlaceholder, tokenPlaceholder } from './api-reference.ts';
import { isDeclaredAccess } from './route-policy.ts';

let server: TestServer;
const logLines: string[] = [];
beforeAll(async () => {
  const logStream = new PassThrough();
  logStream.on('data', (chunk: Buffer) =>
    logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean)),
  );
  server = await startTestServer({ logStream });
  server.app.log.level = 'info';
});
afterAll(async () => {
  await server?.close();
});

describe('routes', () => {
  it('every API route declares who may call it', () => {
    const apiRoutes = server.app.declaredRoutes.filter((route) => route.url.startsWith('/api'));
    expect(apiRoutes.length).toBeGreaterThan(8);
    const undeclared = apiRoutes.filter((route) => !isDeclaredAccess(route.access));
    expect(undeclared).toEqual([]);
    const staffRoutes = apiRoutes.filter((route) => route.url.startsWith('/api/staff'));
    expect(staffRoutes.map((route) => [route.method, route.access])).toEqual(
      expect.arrayContaining([
        ['GET', { resource: 'staff_directory', action: 'read' }],
        ['PATCH', { resource: 'staff_directory', action: 'update' }],
      ]),
    );
    // Nothing about staff is open to every signed-in user (patients and family members are signed in too).
    expect(staffRoutes.every((route) => typeof route.access === 'object')).toBe(true);
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const response = await server.anonymous.request('GET', '/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({
      status: 404,
      code: 'not_found',
      instance: '/api/no-such-thing',
    });
  });

  it('answers malformed JSON with a 400 problem, not a 500', async () => {
    const response = await server.anonymous.request('POST', '/api/auth/sign-in/email', undefined, {
      'content-type': 'application/json',
      'x-tandem-csrf': '1',
    });
    expect(response.status).toBe(400);
    const bad = await fetch(`${server.url}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tandem-csrf': '1' },
      body: '{"email": ',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      code: 'invalid_input',
      detail: 'The request body is not valid JSON.',
    });
  });

  it('echoes a sane incoming request id and makes one otherwise', async () => {
    const given = await server.anonymous.request('GET', '/healthz', undefined, {
      'x-request-id': 'trace-12345678',
    });
    expect(given.headers.get('x-request-id')).toBe('trace-12345678');
    const made = await server.anonymous.request('GET', '/healthz', undefined, { 'x-request-id': '<script>' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports liveness and readiness', async () => {
    expect(await server.anonymous.json('GET', '/healthz')).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await server.anonymous.json('GET', '/readyz')).toEqual({ status: 200, body: { status: 'ready' } });
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const { status, body } = await server.anonymous.json<{
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    }>('GET', '/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/me',
        '/api/staff',
        '/api/staff/{staffMemberId}',
        '/api/auth/sign-in/email',
      ]),
    );
    expect(body.paths['/api/staff/{staffMemberId}']).toHaveProperty('patch');
    expect(Object.keys(body.components.schemas)).toEqual(expect.arrayContaining(['StaffMember', 'Problem']));
  });

  it('serves a readable reference page', async () => {
    const response = await server.anonymous.request('GET', '/api/docs', undefined, { accept: 'text/html' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('serves the reference page whole from Tandem: no outside script, style or font (it works offline)', async () => {
    const response = await server.anonymous.request('GET', '/api/docs/', undefined, { accept: 'text/html' });
    const page = await response.text();
    const sources = [
      ...page.matchAll(/<(?:script|link|img|iframe)\b[^>]*?\s(?:src|href)\s*=\s*["']?([^"'\s>]+)/gi),
    ].map((match) => match[1]);
    expect(sources).toEqual(['js/scalar.js']);
    const styles = [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)]
      .map((match) => match[1])
      .join('\n');
    expect(styles).not.toMatch(/@import|url\(/i);
    // Nothing in the page (its inline start-up script included) names another site.
    expect(page).not.toMatch(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const script = await server.anonymous.request('GET', '/api/docs/js/scalar.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });

  it('shows no joke placeholder in the token field', async () => {
    const script = await (await server.anonymous.request('GET', '/api/docs/js/scalar.js')).text();
    expect(script).not.toContain(scalarJokePlaceholder);
    // Fails when a Scalar upgrade renames the placeholder this replaces: look at the new one then.
    expect(script).toContain(`placeholder:\`${tokenPlaceholder}\``);
  });
});

describe('logs', () => {
  it('never contain request bodies, query strings or cookies', async () => {
    const secretName = 'Zoë Quintanilla-Marsh';
    await server.anonymous.request('POST', '/api/auth/sign-in/email', {
      email: 'zoe.quintanilla@example.test',
      password: `${secretName} password`,
    });
    const client = await server.signIn(demoAccountFor('clinician').email);
    await client.request('GET', `/api/staff?search=${encodeURIComponent(secretName)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = logLines.join('\n');
    expect(log).toContain('/api/staff');
    expect(log).not.toContain('Quintanilla');
    expect(log).not.toContain('zoe.quintanilla');
    expect(log).not.toContain(demoPassword);
    expect(log).not.toContain('session_token');
  });
});

describe('shutdown', () => {
  it('finishes requests in flight before closing the database', async () => {
    const client = await server.signIn(demoAccountFor('clinician').email);
    // Hold the staff table so the request below is provably in flight when shutdown starts.
    const holder = await server.database.pool.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE staff_members IN ACCESS EXCLUSIVE MODE');
    const inFlight = client.request('GET', '/api/staff');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closing = server.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await holder.query('COMMIT');
    holder.release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as { items: unknown[] }).items.length).toBeGreaterThan(0);
    await closing;
  });
});
