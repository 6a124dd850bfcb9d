/**
 * `npm start`: builds the web app only when its bundle is missing or older than its sources, then starts Tandem
 * on the embedded database with the demo organization. Extra arguments go to `tandem serve`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const webDir = 'packages/web';
const bundle = path.join(webDir, 'dist', 'index.html');
const sources = [
  path.join(webDir, 'src'),
  path.join(webDir, 'index.html'),
  path.join(webDir, 'vite.config.ts'),
];

function newestChange(target: string): number {
  const stats = statSync(target, { throwIfNoEntry: false });
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))));
}

const bundleTime = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (bundleTime < Math.max(...sources.map(newestChange))) {
  console.log('Building the web app (once, and again only when it changes)…');
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@tandem/web'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const server = spawn('tandem', ['serve', '--demo', ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
