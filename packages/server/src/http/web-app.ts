import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const defaultWebDistDir = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Serves the built web app from the same process, with index.html for client-side routes. */
export async function registerWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  if (!existsSync(path.join(distDir, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: ['index.html'],
    // The build's manifest (dist/.vite) is for the bundle benchmark, not for browsers.
    allowedPath: (pathName) => !pathName.startsWith('/.vite/'),
    setHeaders(response, filePath) {
      // Vite names each built asset after its content: it never changes under the same name.
      if (filePath.startsWith(assetsDir(distDir))) {
        response.header('cache-control', 'public, max-age=31536000, immutable');
      }
    },
  });
  return true;
}

function assetsDir(distDir: string): string {
  return `${path.join(distDir, 'assets')}${path.sep}`;
}

export function isClientRoute(method: string, url: string, accept: string | undefined): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (url.startsWith('/api/') || url === '/api' || url === '/healthz' || url === '/readyz') return false;
  return accept?.includes('text/html') ?? false;
}
