import { type KeyObject, sign, verify } from 'node:crypto';
import { canonicalTimestamp } from '@tandem/core/audit/audit-chain';
import {
  type AuditCheckpoint,
  canonicalAuditCheckpoint,
  type SignedAuditCheckpoint,
} from '@tandem/core/audit/audit-checkpoint';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { checkpointRepository } from './checkpoint-repository.ts';
import type { AuditSigningKey } from './signing-key.ts';

export function signCheckpoint(
  key: AuditSigningKey,
  checkpoint: Omit<AuditCheckpoint, 'keyId'>,
): SignedAuditCheckpoint {
  const unsigned = { ...checkpoint, keyId: key.keyId };
  const signature = sign(null, Buffer.from(canonicalAuditCheckpoint(unsigned), 'utf8'), key.privateKey);
  return { ...unsigned, signature: signature.toString('base64') };
}

/** Public keys a verification trusts, by key id. */
export type TrustedKeys = ReadonlyMap<string, KeyObject>;

/** Why a checkpoint's signature does not hold, or undefined when it does. */
export function checkpointSignatureProblem(
  checkpoint: SignedAuditCheckpoint,
  trusted: TrustedKeys,
): string | undefined {
  const publicKey = trusted.get(checkpoint.keyId);
  if (publicKey === undefined) {
    return `the checkpoint at sequence ${checkpoint.sequence} is signed by key ${checkpoint.keyId}, which this verification does not trust (give its public key with --public-key)`;
  }
  const valid = verify(
    null,
    Buffer.from(canonicalAuditCheckpoint(checkpoint), 'utf8'),
    publicKey,
    Buffer.from(checkpoint.signature, 'base64'),
  );
  return valid
    ? undefined
    : `the signature of the checkpoint at sequence ${checkpoint.sequence} (key ${checkpoint.keyId}) does not verify: it was not signed with that key`;
}

/**
 * Signs the head of every chain (or one organization's) that moved since its last checkpoint, and stores the
 * checkpoints. Returns those written.
 */
export async function writeCheckpoints(
  db: Kysely<DB>,
  key: AuditSigningKey,
  options: { organizationId?: string; now?: Date } = {},
): Promise<SignedAuditCheckpoint[]> {
  const checkpoints = checkpointRepository(db);
  const heads = await checkpoints.headsAwaitingCheckpoint(options.organizationId);
  const signedAt = canonicalTimestamp(options.now ?? new Date());
  const written: SignedAuditCheckpoint[] = [];
  for (const head of heads) {
    const signed = signCheckpoint(key, {
      organizationId: head.organizationId,
      sequence: head.lastSequence,
      headHash: head.lastHash,
      signedAt,
    });
    if (await checkpoints.insert(signed)) written.push(signed);
  }
  return written;
}
