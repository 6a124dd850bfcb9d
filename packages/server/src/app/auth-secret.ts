import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../config/config.ts';

/**
 * The key that signs session cookies. TANDEM_AUTH_SECRET wins; otherwise one is generated once and kept in the
 * data folder (mode 0600), so that restarts keep everyone signed in.
 */
export async function resolveAuthSecret(config: Config): Promise<string> {
  if (config.authSecret !== undefined) return config.authSecret;
  const file = path.join(config.dataDir, 'auth-secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: existing === undefined ? 'wx' : 'w' }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return (await readFile(file, 'utf8')).trim();
}
