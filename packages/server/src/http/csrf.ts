import { defineMessages } from '@formatjs/intl';
import { DomainError } from '@tandem/core';
import type { FastifyRequest } from 'fastify';
import { type NoValues, withValues } from '../i18n/error-message.ts';

/**
 * Cookie sessions need a CSRF guard. Every state-changing API request must carry the custom header below, which a
 * cross-site form cannot send and a cross-site script can only send after a CORS preflight that Tandem never
 * grants; and when the browser names an Origin, it must be Tandem's own.
 */
export const csrfHeader = 'x-tandem-csrf';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

const errors = defineMessages<{ header: { header: string }; untrusted: NoValues; opaque: NoValues }>({
  header: {
    id: 'http.errors.csrfHeader',
    defaultMessage: 'State-changing requests must send the {header} header.',
  },
  untrusted: {
    id: 'http.errors.untrustedOrigin',
    defaultMessage: 'The request came from an origin Tandem does not trust.',
  },
  opaque: { id: 'http.errors.opaqueOrigin', defaultMessage: 'The request came from an opaque origin.' },
});

export function checkCsrf(request: FastifyRequest, trustedOrigins: readonly string[]): void {
  if (safeMethods.has(request.method) || !request.url.startsWith('/api/')) return;
  const marker = request.headers[csrfHeader];
  // Present but empty is what a sloppy proxy or client sends; only a value proves a script set it on purpose.
  if (typeof marker !== 'string' || marker.trim() === '') {
    throw new DomainError('forbidden', withValues(errors.header, { header: csrfHeader }));
  }
  const origin = request.headers.origin;
  if (origin !== undefined && origin !== 'null' && !trustedOrigins.includes(origin)) {
    throw new DomainError('forbidden', errors.untrusted);
  }
  if (origin === 'null') throw new DomainError('forbidden', errors.opaque);
}
