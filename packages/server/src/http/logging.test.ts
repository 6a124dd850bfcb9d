import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import {
  type LogFormat,
  loggingOptions,
  redactPathSecrets,
  resolveLogFormat,
  terminalMessage,
} from './logging.ts';

describe('redactPathSecrets', () => {
  const token = 'q3Xv9_0aZ-7mN2pL5sK8dF1gH4jR6tY0uI2oP9wE3cB';

  it('hides an invitation token in the web page and the API paths', () => {
    expect(redactPathSecrets(`/invitations/${token}`)).toBe('/invitations/:token');
    expect(redactPathSecrets(`/api/invitations/${token}`)).toBe('/api/invitations/:token');
    expect(redactPathSecrets(`/api/invitations/${token}/accept`)).toBe('/api/invitations/:token/accept');
  });

  it('hides a password reset token in the web page path', () => {
    expect(redactPathSecrets(`/reset-password/${token}`)).toBe('/reset-password/:token');
    expect(redactPathSecrets('/api/auth/reset-password')).toBe('/api/auth/reset-password');
  });

  it('hides a truncated or mistyped token too', () => {
    expect(redactPathSecrets(`/api/invitations/${token.slice(0, 40)}`)).toBe('/api/invitations/:token');
    expect(redactPathSecrets('/invitations/x')).toBe('/invitations/:token');
  });

  it('keeps ids, the API’s fixed words and every other path as they are', () => {
    const id = '01900000-0000-7000-8000-000000000000';
    expect(redactPathSecrets(`/api/invitations/${id}/revoke`)).toBe(`/api/invitations/${id}/revoke`);
    expect(redactPathSecrets('/api/invitations/staff')).toBe('/api/invitations/staff');
    expect(redactPathSecrets('/api/invitations/staff-candidates')).toBe('/api/invitations/staff-candidates');
    expect(redactPathSecrets('/api/invitations')).toBe('/api/invitations');
    expect(redactPathSecrets(`/api/patients/${id}/invitation`)).toBe(`/api/patients/${id}/invitation`);
    expect(redactPathSecrets('/api/staff')).toBe('/api/staff');
  });
});

describe('resolveLogFormat', () => {
  it('is pretty at a terminal and JSON anywhere else, unless the setting says which', () => {
    expect(resolveLogFormat('auto', true)).toBe('pretty');
    expect(resolveLogFormat('auto', false)).toBe('json');
    expect(resolveLogFormat('json', true)).toBe('json');
    expect(resolveLogFormat('pretty', false)).toBe('pretty');
  });
});

describe('terminalMessage', () => {
  it('makes one short line of a request, and keeps other messages with their level when above info', () => {
    const completed = { level: 30, req: { method: 'GET', path: '/api/patients' }, res: { statusCode: 200 } };
    expect(terminalMessage({ ...completed, responseTime: 12.4 })).toBe('GET /api/patients 200 12ms');
    expect(terminalMessage({ level: 30, msg: 'alert sweep' })).toBe('alert sweep');
    expect(terminalMessage({ level: 50, msg: 'signing an audit checkpoint failed' })).toBe(
      'ERROR signing an audit checkpoint failed',
    );
  });

  it('shows control characters as ? so that a logged text cannot drive the terminal', () => {
    expect(terminalMessage({ level: 30, msg: 'a\u001b[2Jb' })).toBe('a?[2Jb');
  });
});

/** A Fastify app with Tandem's logging, its log lines, and a route that answers what it was sent. */
async function loggedApp(format: LogFormat) {
  const output = new PassThrough();
  const lines: string[] = [];
  output.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const app = Fastify(loggingOptions('info', { format, stream: output }));
  app.post('/api/patients/search', async (request) => ({ received: request.body }));
  app.get('/api/patients', async () => []);
  app.get('/api/invitations/:token', async () => ({}));
  return { app, lines };
}

const secretName = 'Zoë Quintanilla-Marsh';
const invitationToken = 'q3Xv9_0aZ-7mN2pL5sK8dF1gH4jR6tY0uI2oP9wE3cB';

async function sendRequestsThatCarrySecrets(app: Awaited<ReturnType<typeof loggedApp>>['app']) {
  await app.inject({ method: 'GET', url: `/api/patients?search=${encodeURIComponent(secretName)}` });
  await app.inject({
    method: 'POST',
    url: '/api/patients/search',
    payload: { text: secretName },
    headers: { cookie: 'tandem.session_token=secret-cookie' },
  });
  await app.inject({ method: 'GET', url: `/api/invitations/${invitationToken}` });
}

function expectNoSecrets(log: string) {
  expect(log).not.toContain('Quintanilla');
  expect(log).not.toContain('search=');
  expect(log).not.toContain('secret-cookie');
  expect(log).not.toContain(invitationToken);
}

describe('request logs in a terminal', () => {
  it('are one line per request: method, path without its query, status and time, nothing sent', async () => {
    const { app, lines } = await loggedApp('pretty');
    await sendRequestsThatCarrySecrets(app);
    await app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(lines).toEqual([
      expect.stringMatching(/^GET \/api\/patients 200 \d+ms$/),
      expect.stringMatching(/^POST \/api\/patients\/search 200 \d+ms$/),
      expect.stringMatching(/^GET \/api\/invitations\/:token 200 \d+ms$/),
      expect.stringMatching(/^GET \/api\/nowhere 404 \d+ms$/),
    ]);
    expectNoSecrets(lines.join('\n'));
    await app.close();
  });

  it('leave out where the server listens: the banner says it', async () => {
    const { app, lines } = await loggedApp('pretty');
    await app.listen({ port: 0, host: '127.0.0.1' });
    await app.close();
    expect(lines.filter((line) => line.includes('listening'))).toEqual([]);
  });
});

describe('request logs as JSON', () => {
  it('are JSON lines with the path and status and, as in the terminal, nothing that was sent', async () => {
    const { app, lines } = await loggedApp('json');
    await sendRequestsThatCarrySecrets(app);
    const entries = lines.map((line) => JSON.parse(line) as { msg: string; req?: { path: string } });
    expect(entries.filter((entry) => entry.msg === 'request completed')).toHaveLength(3);
    expect(entries.flatMap((entry) => (entry.req === undefined ? [] : [entry.req.path]))).toEqual([
      '/api/patients',
      '/api/patients/search',
      '/api/invitations/:token',
    ]);
    expectNoSecrets(lines.join('\n'));
    await app.close();
  });
});
