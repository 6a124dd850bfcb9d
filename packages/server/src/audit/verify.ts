import { type ChainBreak, createChainVerifier } from '@tandem/core/audit/audit-chain';
import {
  type CheckpointBreak,
  createCheckpointMatcher,
  type SignedAuditCheckpoint,
} from '@tandem/core/audit/audit-checkpoint';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { checkpointRepository } from './checkpoint-repository.ts';
import { checkpointSignatureProblem, type TrustedKeys } from './checkpoints.ts';
import { auditRepository } from './repository.ts';

export type AuditTrailBreak = (ChainBreak | CheckpointBreak) & {
  organizationId: string;
  organizationSlug: string;
};

export interface AuditVerification {
  organizations: number;
  events: number;
  /** Signed checkpoints whose signature held and whose hash the chain still has. */
  checkpoints: number;
  /** The first problem of the first broken organization (in slug order); undefined when all are intact. */
  broken: AuditTrailBreak | undefined;
}

export interface VerifyOptions {
  organizationSlug?: string;
  /** The public keys whose checkpoints count; a checkpoint signed by any other key is reported as forged. */
  trustedKeys?: TrustedKeys;
  /** Checkpoints kept outside the database (`tandem audit checkpoints export`), checked with the stored ones. */
  checkpoints?: readonly SignedAuditCheckpoint[];
}

export class UnknownOrganizationError extends Error {
  constructor(slug: string) {
    super(`There is no organization with the slug ${slug}.`);
    this.name = 'UnknownOrganizationError';
  }
}

const batchSize = 1000;

/**
 * Re-computes every organization's chain from the stored events, read in batches by sequence, and compares its
 * end with the chain head; then holds the chain to its signed checkpoints (stored and given): each signature must
 * verify under a trusted key, and the chain must still have, at each checkpoint's sequence, the hash that was
 * signed, which a chain rewritten and recomputed by the database's owner does not. One REPEATABLE READ snapshot,
 * so that appends while it runs do not look like damage.
 */
export async function verifyAuditTrail(
  db: Kysely<DB>,
  options: VerifyOptions = {},
): Promise<AuditVerification> {
  const trusted: TrustedKeys = options.trustedKeys ?? new Map();
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const audit = auditRepository(trx);
      const organizations = await audit.organizations(options.organizationSlug);
      if (options.organizationSlug !== undefined && organizations.length === 0) {
        throw new UnknownOrganizationError(options.organizationSlug);
      }
      const given = options.checkpoints ?? [];
      let events = 0;
      let checkpoints = 0;
      const result = (broken: AuditTrailBreak | undefined): AuditVerification => ({
        organizations: organizations.length,
        events,
        checkpoints,
        broken,
      });
      for (const organization of organizations) {
        const signed = [
          ...(await checkpointRepository(trx).list(organization.id)),
          ...given.filter((checkpoint) => checkpoint.organizationId === organization.id),
        ];
        let found: ChainBreak | CheckpointBreak | undefined = firstForged(signed, trusted);
        const verifier = createChainVerifier();
        const matcher = createCheckpointMatcher(signed);
        let after = 0;
        while (found === undefined) {
          const batch = await audit.eventsAfter(organization.id, after, batchSize);
          for (const event of batch) {
            found = verifier.next(event) ?? matcher.next(event);
            if (found !== undefined) break;
          }
          const last = batch[batch.length - 1];
          if (last === undefined) break;
          after = last.sequence;
        }
        found ??= verifier.finish(await audit.chainHead(organization.id)) ?? matcher.finish(after);
        events += verifier.count;
        if (found !== undefined) {
          return result({ ...found, organizationId: organization.id, organizationSlug: organization.slug });
        }
        checkpoints += matcher.matched;
      }
      // An exported checkpoint of an organization the database no longer has: its whole trail is gone.
      const known = new Set(organizations.map((organization) => organization.id));
      const orphans =
        options.organizationSlug === undefined ? given.filter((c) => !known.has(c.organizationId)) : [];
      for (const orphan of orphans) {
        const found = firstForged([orphan], trusted) ?? createCheckpointMatcher([orphan]).finish(0);
        if (found !== undefined) {
          return result({ ...found, organizationId: orphan.organizationId, organizationSlug: '(missing)' });
        }
      }
      return result(undefined);
    });
}

/** The checkpoint of lowest sequence whose signature does not hold under a trusted key. */
function firstForged(
  checkpoints: readonly SignedAuditCheckpoint[],
  trusted: TrustedKeys,
): CheckpointBreak | undefined {
  for (const checkpoint of [...checkpoints].sort((a, b) => a.sequence - b.sequence)) {
    const problem = checkpointSignatureProblem(checkpoint, trusted);
    if (problem !== undefined)
      return { sequence: checkpoint.sequence, id: null, reason: 'forged', detail: problem };
  }
  return undefined;
}

/** The line `tandem audit verify` prints. */
export function describeVerification(result: AuditVerification): string {
  const { broken } = result;
  if (broken === undefined) {
    const anchored =
      result.checkpoints === 0
        ? 'no signed checkpoint yet (tandem audit checkpoint signs one)'
        : `${result.checkpoints} signed checkpoints match`;
    return `audit trail intact: ${result.events} events in ${result.organizations} organizations; ${anchored}`;
  }
  const event =
    broken.id === null ? `sequence ${broken.sequence}` : `sequence ${broken.sequence} (id ${broken.id})`;
  return `audit trail broken in organization ${broken.organizationSlug} (${broken.organizationId}) at ${event}: ${broken.reason}, ${broken.detail}`;
}
