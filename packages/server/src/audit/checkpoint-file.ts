import { readFile, writeFile } from 'node:fs/promises';
import type { SignedAuditCheckpoint } from '@tandem/core/audit/audit-checkpoint';
import { z } from 'zod';
import { StartupError } from '../app/startup-error.ts';
import { parsePublicKey, publicKeyId } from './signing-key.ts';

/**
 * Checkpoints kept off the database: JSON lines, one signed checkpoint a line with the public key that signed it
 * (SPKI PEM), so that files of several exports can simply be concatenated. They hold no patient data: an
 * organization id, sequences, hashes and times.
 */
const checkpointLine = z.object({
  organizationId: z.uuid(),
  organizationSlug: z.string().optional(),
  sequence: z.number().int().positive(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.string(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1),
  publicKey: z.string().optional(),
});

export type ExportedCheckpoint = SignedAuditCheckpoint & { organizationSlug: string; publicKey?: string };

export function checkpointLines(checkpoints: readonly ExportedCheckpoint[]): string {
  return checkpoints.map((checkpoint) => `${JSON.stringify(checkpoint)}\n`).join('');
}

export async function writeCheckpointFile(
  file: string,
  checkpoints: readonly ExportedCheckpoint[],
): Promise<void> {
  await writeFile(file, checkpointLines(checkpoints)).catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(
      `Cannot write the checkpoint file ${file} (${error.code}). Choose a writable folder.`,
    );
  });
}

/**
 * Reads an exported file: its checkpoints, and the public keys it names (by key id). A key whose id is not the
 * one its line claims is refused, so that a line cannot lend its key to another.
 */
export async function readCheckpointFile(file: string): Promise<{
  checkpoints: SignedAuditCheckpoint[];
  publicKeys: Map<string, ReturnType<typeof parsePublicKey>>;
}> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new StartupError(`Cannot read the checkpoint file ${file} (${error.code}).`);
  });
  const checkpoints: SignedAuditCheckpoint[] = [];
  const publicKeys = new Map<string, ReturnType<typeof parsePublicKey>>();
  for (const [index, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const refuse = (why: string) =>
      new StartupError(`${file} line ${index + 1} is not a Tandem checkpoint: ${why}.`);
    let parsed: z.infer<typeof checkpointLine>;
    try {
      parsed = checkpointLine.parse(JSON.parse(line));
    } catch (error) {
      throw refuse(error instanceof z.ZodError ? (error.issues[0]?.path.join('.') ?? 'invalid') : 'not JSON');
    }
    const { organizationSlug: _slug, publicKey, ...checkpoint } = parsed;
    if (publicKey !== undefined) {
      let key: ReturnType<typeof parsePublicKey>;
      try {
        key = parsePublicKey(publicKey);
      } catch {
        throw refuse('its publicKey is not an Ed25519 public key');
      }
      if (publicKeyId(key) !== checkpoint.keyId) throw refuse('its publicKey is not the key of its keyId');
      publicKeys.set(checkpoint.keyId, key);
    }
    checkpoints.push(checkpoint);
  }
  return { checkpoints, publicKeys };
}
