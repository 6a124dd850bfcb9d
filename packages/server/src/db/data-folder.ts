import { constants } from 'node:fs';
import { access, mkdir, open, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../app/startup-error.ts';

/**
 * PGlite has one connection and no lock of its own: two processes on one folder corrupt it, and a first start
 * killed during initdb leaves a folder that will not open. These guards make both a clear message instead.
 */
export interface DataFolderPaths {
  root: string;
  pglite: string;
  lock: string;
  initializing: string;
}

export function dataFolderPaths(root: string): DataFolderPaths {
  return {
    root,
    pglite: path.join(root, 'pglite'),
    lock: path.join(root, 'tandem.lock'),
    initializing: path.join(root, 'pglite.initializing'),
  };
}

export async function ensureWritableFolder(root: string): Promise<void> {
  try {
    await mkdir(root, { recursive: true });
    await access(root, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new StartupError(
      `The data folder ${root} is not writable (${code}). Fix its permissions or choose another with TANDEM_DATA_DIR.`,
      { cause: error },
    );
  }
}

interface LockHolder {
  pid: number;
  hostname: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock file, or says which process holds it. Returns the release function. */
export async function lockDataFolder(paths: DataFolderPaths): Promise<() => Promise<void>> {
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(paths.lock, 'wx');
      await handle.writeFile(`${JSON.stringify(holder)}\n`);
      await handle.sync();
      await handle.close();
      return async () => {
        const current = await readLockHolder(paths.lock);
        if (current?.pid === holder.pid && current.hostname === holder.hostname) await unlink(paths.lock);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = await readLockHolder(paths.lock);
    if (current !== undefined && current.hostname !== holder.hostname) {
      throw new StartupError(
        `The data folder ${paths.root} is locked by Tandem process ${current.pid} on host ${current.hostname} (since ${current.startedAt}). Stop it there; if that host is gone, delete ${paths.lock}.`,
      );
    }
    if (current !== undefined && isAlive(current.pid) && current.pid !== process.pid) {
      throw new StartupError(
        `The data folder ${paths.root} is in use by Tandem process ${current.pid} (since ${current.startedAt}). Stop that process first, or set TANDEM_DATA_DIR to another folder: two processes on one embedded database corrupt it.`,
      );
    }
    // The holder is gone (crash or kill -9): the lock is stale.
    await rm(paths.lock, { force: true });
  }
  throw new StartupError(`Could not take the lock ${paths.lock}; another process keeps taking it.`);
}

async function readLockHolder(lockPath: string): Promise<LockHolder | undefined> {
  try {
    const parsed = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.hostname === 'string') {
      return { pid: parsed.pid, hostname: parsed.hostname, startedAt: String(parsed.startedAt ?? 'unknown') };
    }
  } catch {
    // Unreadable or half-written: treated as stale below.
  }
  return undefined;
}

export type DataFolderState = 'new' | 'ready' | 'unfinished';

export async function dataFolderState(paths: DataFolderPaths): Promise<DataFolderState> {
  if (await exists(paths.initializing)) return 'unfinished';
  return (await exists(paths.pglite)) ? 'ready' : 'new';
}

export function unfinishedFolderError(paths: DataFolderPaths): StartupError {
  return new StartupError(
    `The data folder ${paths.root} was left unfinished by an interrupted first start and holds no data yet. Delete ${paths.pglite} and ${paths.initializing}, then start again.`,
  );
}

export async function markInitializing(paths: DataFolderPaths): Promise<void> {
  await writeFile(paths.initializing, `${new Date().toISOString()}\n`);
}

export async function markInitialized(paths: DataFolderPaths): Promise<void> {
  await rm(paths.initializing, { force: true });
}

async function exists(target: string): Promise<boolean> {
  try {
    await access(target);
    return true;
  } catch {
    return false;
  }
}
