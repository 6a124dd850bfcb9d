import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Runs the real `tandem` command (bin/tandem.js) in a child process, with this test run's Node. */
export const tandemBin = fileURLToPath(new URL('../../bin/tandem.js', import.meta.url));

/** Settings a developer's shell may carry that would point a child Tandem at the wrong database or port. */
const tandemEnvironment = [
  'DATABASE_URL',
  'TANDEM_DATA_DIR',
  'PORT',
  'HOST',
  'TANDEM_DEMO',
  'TANDEM_PUBLIC_URL',
  'TANDEM_AUDIT_SIGNING_KEY',
  'TANDEM_AUDIT_CHECKPOINT_MINUTES',
];

export function childEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of tandemEnvironment) delete environment[name];
  return { ...environment, LOG_LEVEL: 'silent', ...extra };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startTandemCli(args: string[], extraEnvironment: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [tandemBin, ...args], {
    env: childEnvironment(extraEnvironment),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

export function runTandemCli(
  args: string[],
  extraEnvironment: Record<string, string> = {},
): Promise<Finished> {
  return finished(startTandemCli(args, extraEnvironment));
}

/** Resolves with the first line of the child's stdout that matches, or rejects when the child exits first. */
export function lineMatching(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const line = buffered.split('\n').find((candidate) => pattern.test(candidate));
      if (line !== undefined) {
        child.stdout?.off('data', onData);
        child.off('close', onClose);
        resolve(line);
      }
    };
    const onClose = (code: number | null) =>
      reject(new Error(`The child exited (${code}) before printing ${pattern}: ${buffered}`));
    child.stdout?.on('data', onData);
    child.once('close', onClose);
  });
}
