import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * The headers every answer carries (helmet): a Content-Security-Policy that the web app and the API reference run
 * under, no framing by any site (frame-ancestors and X-Frame-Options), no MIME sniffing, no Referer leaving
 * Tandem (a path names patients' ids), and HSTS once Tandem is served over https. API answers hold patient data,
 * so no cache (browser or proxy) may keep them; the web app's static files keep their own caching.
 */
export async function registerSecurityHeaders(app: FastifyInstance, publicUrl: string): Promise<void> {
  const https = publicUrl.startsWith('https://');
  const headers = helmetHeaders({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'connect-src': ["'self'"],
        'font-src': ["'self'", 'data:'],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        // QR codes and icons are drawn as data: URIs.
        'img-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // Mantine and Scalar set styles at run time (style elements and attributes); scripts stay locked down.
        'style-src': ["'self'", "'unsafe-inline'"],
        'worker-src': ["'self'", 'blob:'],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    hsts: https ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
    // Cross-origin isolation would stop nothing Tandem loads and is not needed by any feature.
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', async (_request, reply) => {
    reply.headers(headers);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url;
    if (path.startsWith('/api/') || path === '/api' || path.startsWith('/fhir/')) {
      if (!path.startsWith('/api/docs')) reply.header('cache-control', 'no-store');
    }
    if (
      path.startsWith('/api/docs') &&
      typeof payload === 'string' &&
      isHtml(reply.getHeader('content-type'))
    ) {
      reply.header(
        'content-security-policy',
        referencePagePolicy(reply.getHeader('content-security-policy'), payload),
      );
    }
    return payload;
  });
}

/**
 * The headers helmet sets, worked out once: the same for every answer, so a request only copies them (helmet's
 * middleware would parse the policy's directives again on each one).
 */
export function helmetHeaders(options: Readonly<HelmetOptions>): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  return headers;
}

function isHtml(contentType: unknown): boolean {
  return typeof contentType === 'string' && contentType.startsWith('text/html');
}

/**
 * The API reference page (Scalar) starts itself with one inline script built from Tandem's own configuration:
 * the page's policy allows exactly the inline scripts of the page being served, by their SHA-256, and no other.
 */
function referencePagePolicy(policy: unknown, page: string): string {
  const hashes = [...page.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
  const current = typeof policy === 'string' ? policy : '';
  return current.replace(
    /(^|;)script-src ([^;]*)/,
    (_all, start: string, sources: string) => `${start}script-src ${[sources, ...hashes].join(' ')}`,
  );
}
