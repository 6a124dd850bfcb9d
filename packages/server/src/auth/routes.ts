import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema, problemType, sendProblem } from '../http/problem.ts';
import { type Auth, clientIpHeader } from './auth.ts';
import type { Authenticator } from './authenticate.ts';
import { toWebHeaders } from './authenticate.ts';

const signInBody = z.object({
  email: z.email('Enter an email address').max(320),
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256),
  rememberMe: z.boolean().optional(),
});

const signedInUser = z.object({ id: z.string(), name: z.string(), email: z.string() });

/**
 * better-auth's endpoints, mounted under /api/auth. Sign-in and sign-out are declared with schemas so they
 * appear in the OpenAPI document; everything else better-auth serves passes through the catch-all.
 */
export function authRoutes(options: { auth: Auth; authenticator: Authenticator; publicUrl: string }) {
  const plugin: FastifyPluginAsyncZod = async (app) => {
    app.post(
      '/api/auth/sign-in/email',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in with email and password; sets the HTTP-only session cookie',
          body: signInBody,
          response: { 200: z.object({ user: signedInUser }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const response = await forward(request, options);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        const body = (await response.json()) as { user: z.infer<typeof signedInUser> };
        // better-auth also returns the session token in the body; the browser needs only the cookie.
        return { user: { id: body.user.id, name: body.user.name, email: body.user.email } };
      },
    );

    app.post(
      '/api/auth/sign-out',
      {
        config: { access: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign out of this session and clear its cookie',
          body: z.object({}).optional(),
          response: { 200: z.object({ success: z.boolean() }), '4xx': problemSchema },
        },
      },
      async (request, reply) => {
        const response = await forward(request, { ...options, body: {} });
        options.authenticator.forgetCookie(request.headers.cookie);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        return { success: true };
      },
    );

    app.route({
      method: ['GET', 'POST'],
      url: '/api/auth/*',
      config: { access: 'public' },
      schema: { hide: true },
      handler: async (request, reply) => {
        const response = await forward(request, options);
        if (!response.ok) return relayFailure(request, reply, response);
        copySetCookies(response, reply);
        reply.status(response.status);
        const type = response.headers.get('content-type');
        if (type !== null) reply.type(type);
        return reply.send(await response.text());
      },
    });
  };
  return plugin;
}

async function forward(
  request: FastifyRequest,
  options: { auth: Auth; publicUrl: string; body?: unknown },
): Promise<Response> {
  const headers = toWebHeaders(request.headers);
  headers.delete('content-length');
  // The CSRF guard (http/csrf.ts) has already refused foreign origins; a request without one (a script, curl)
  // carried the custom header instead, so it is vouched for as our own origin.
  if (!headers.has('origin')) headers.set('origin', options.publicUrl);
  headers.set(clientIpHeader, request.ip);
  const body = options.body ?? request.body;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  if (hasBody) headers.set('content-type', 'application/json');
  return options.auth.handler(
    new Request(`${options.publicUrl}${request.url}`, {
      method: request.method,
      headers,
      ...(hasBody ? { body: JSON.stringify(body ?? {}) } : {}),
    }),
  );
}

function copySetCookies(response: Response, reply: FastifyReply): void {
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) reply.header('set-cookie', cookies);
}

/** better-auth answers errors as {code, message}; Tandem answers problem+json everywhere. */
async function relayFailure(request: FastifyRequest, reply: FastifyReply, response: Response) {
  copySetCookies(response, reply);
  const text = await response.text();
  let message = response.statusText || 'Request failed';
  let code = 'auth_error';
  try {
    const parsed = JSON.parse(text) as { message?: string; code?: string };
    if (parsed.message) message = parsed.message;
    if (parsed.code) code = parsed.code.toLowerCase();
  } catch {
    // Not JSON: keep the status text.
  }
  const status = response.status >= 400 ? response.status : 500;
  return sendProblem(reply, {
    type: problemType(code),
    title: status === 401 ? 'Sign-in failed' : status === 429 ? 'Too many requests' : 'Request refused',
    status,
    detail: message,
    code,
    instance: request.url.split('?')[0] ?? request.url,
    requestId: String(request.id),
  });
}
