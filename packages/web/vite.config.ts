import formatjs from '@formatjs/unplugin/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type ProxyOptions } from 'vite';
import { compiledCatalogues } from './scripts/compiled-catalogues.ts';

// The API server (packages/server) listens on 3000 unless told otherwise.
const apiServer = process.env.TANDEM_API_URL ?? 'http://localhost:3000';

// The dev server proxies the API so the session cookie stays same-origin. The server trusts only its own
// public URL as Origin (CSRF guard, better-auth), so the proxy presents the request as coming from it; this
// happens only in development, behind the browser's own same-origin checks against the Vite page.
const toApi: ProxyOptions = {
  target: apiServer,
  changeOrigin: true,
  configure(proxy) {
    proxy.on('proxyReq', (proxyRequest) => {
      if (proxyRequest.getHeader('origin') !== undefined) proxyRequest.setHeader('origin', apiServer);
    });
  },
};

export default defineConfig({
  plugins: [
    // Every message's English is parsed at build time (ast), catalogues too: the ICU parser stays out of the
    // bundle (ADR 0006; bench/portal-bundle.ts measures the portal's first load).
    formatjs({ ast: true }),
    compiledCatalogues(),
    react(),
  ],
  resolve: {
    alias: [
      {
        find: /^@formatjs\/icu-messageformat-parser$/,
        replacement: '@formatjs/icu-messageformat-parser/no-parser.js',
      },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // dist/.vite/manifest.json: which chunks each page loads (bench/portal-bundle.ts measures the portal's).
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deploys.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            // Split by the pages that use them: the portal's first page does not load the workspace's components.
            {
              name: 'mantine',
              test: /node_modules[\\/](@mantine|@floating-ui|@tabler)[\\/]/,
              priority: 2,
              entriesAware: true,
            },
            { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': toApi,
      '/healthz': toApi,
      '/readyz': toApi,
    },
  },
});
