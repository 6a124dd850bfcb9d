import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));
export const webIndexHtml = fileURLToPath(new URL('../../packages/web/dist/index.html', import.meta.url));

/** The server serves packages/web/dist; build it once when it is missing (a later run reuses it). */
export async function ensureWebBuild(): Promise<void> {
  if (existsSync(webIndexHtml)) return;
  const output: Buffer[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const build = spawn('npm', ['run', 'build', '--workspace', '@tandem/web'], {
      cwd: repositoryRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    build.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    build.stderr.on('data', (chunk: Buffer) => output.push(chunk));
    build.once('error', reject);
    build.once('close', resolve);
  });
  if (code !== 0 || !existsSync(webIndexHtml)) {
    const tail = Buffer.concat(output).toString('utf8').split('\n').slice(-30).join('\n');
    throw new Error(
      `The browser tests need the web app, and 'npm run build -w @tandem/web' failed (exit ${code}):\n${tail}`,
    );
  }
}
