import type { ChainedAuditEvent } from './audit-chain.ts';

/**
 * Signed checkpoints anchor an audit chain outside the database: a checkpoint is the chain head (sequence and
 * hash) at one moment, signed with a key the database never holds. Whoever can rewrite the stored events can
 * recompute every hash after an edit, but cannot sign; so a chain that no longer has, at a checkpoint's sequence,
 * the hash that was signed there was rewritten. The signing itself lives in the server (node:crypto Ed25519);
 * here are what is signed and the comparison with the chain.
 */
export interface AuditCheckpoint {
  organizationId: string;
  /** The chain head that was signed: the event at this sequence had `headHash`. */
  sequence: number;
  headHash: string;
  /** UTC with microseconds, like an event's occurredAt. */
  signedAt: string;
  /** Which key signed (the server's publicKeyId). */
  keyId: string;
}

export interface SignedAuditCheckpoint extends AuditCheckpoint {
  /** Ed25519 over canonicalAuditCheckpoint, base64. */
  signature: string;
}

// Versioned like the events' hash, so that a signature can never be read as one over another format.
const domainPrefix = 'tandem/audit-checkpoint/v1\n';

/** The text a checkpoint's signature covers: every field, in a fixed order. */
export function canonicalAuditCheckpoint(checkpoint: AuditCheckpoint): string {
  if (!Number.isSafeInteger(checkpoint.sequence) || checkpoint.sequence < 1) {
    throw new RangeError('a checkpoint sequence must be a positive integer');
  }
  return `${domainPrefix}${JSON.stringify({
    organizationId: checkpoint.organizationId,
    sequence: checkpoint.sequence,
    headHash: checkpoint.headHash,
    signedAt: checkpoint.signedAt,
    keyId: checkpoint.keyId,
  })}`;
}

export type CheckpointBreakReason =
  /** The chain no longer has, at the checkpoint's sequence, the hash that was signed: events up to it were rewritten. */
  | 'rewritten'
  /** The chain ends before a checkpoint's sequence: signed events were removed. */
  | 'truncated'
  /** The checkpoint's signature does not verify under a trusted key: it was not signed by Tandem. */
  | 'forged';

export interface CheckpointBreak {
  /** The checkpoint's sequence. */
  sequence: number;
  /** The event at that sequence, when the chain has one. */
  id: string | null;
  reason: CheckpointBreakReason;
  detail: string;
}

export interface CheckpointMatcher {
  /** Checks the next event of the chain (in sequence order) against the checkpoints at its sequence. */
  next(event: ChainedAuditEvent): CheckpointBreak | undefined;
  /** After the last event: a checkpoint beyond the chain's end means signed events are gone. */
  finish(lastSequence: number): CheckpointBreak | undefined;
  /** How many checkpoints were matched against the chain. */
  readonly matched: number;
}

/**
 * Compares a chain, read event by event, with checkpoints whose signatures were already checked. Several
 * checkpoints may sign one sequence (the database's and an exported copy): each must match.
 */
export function createCheckpointMatcher(checkpoints: readonly AuditCheckpoint[]): CheckpointMatcher {
  const pending = [...checkpoints].sort((a, b) => a.sequence - b.sequence);
  let index = 0;
  let lastMatched = 0;
  return {
    get matched() {
      return index;
    },
    next(event) {
      for (let checkpoint = pending[index]; checkpoint !== undefined; checkpoint = pending[index]) {
        if (checkpoint.sequence > event.sequence) return undefined;
        if (checkpoint.sequence === event.sequence && checkpoint.headHash !== event.hash) {
          return {
            sequence: checkpoint.sequence,
            id: event.id,
            reason: 'rewritten',
            detail: `the chain's hash at sequence ${checkpoint.sequence} is not the one signed by the checkpoint of ${checkpoint.signedAt} (key ${checkpoint.keyId}): events ${describeRange(lastMatched + 1, checkpoint.sequence)} were changed and the chain recomputed`,
          };
        }
        lastMatched = checkpoint.sequence;
        index++;
      }
      return undefined;
    },
    finish(lastSequence) {
      const checkpoint = pending[index];
      if (checkpoint === undefined) return undefined;
      return {
        sequence: checkpoint.sequence,
        id: null,
        reason: 'truncated',
        detail: `the chain ends at ${lastSequence} but the checkpoint of ${checkpoint.signedAt} (key ${checkpoint.keyId}) signed sequence ${checkpoint.sequence}: events ${describeRange(lastSequence + 1, checkpoint.sequence)} are missing`,
      };
    },
  };
}

function describeRange(from: number, to: number): string {
  return from === to ? `${from}` : `${from} to ${to}`;
}
