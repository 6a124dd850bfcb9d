import { type ChainBreak, createChainVerifier } from '@tandem/core/audit/audit-chain';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { auditRepository } from './repository.ts';

export interface AuditTrailBreak extends ChainBreak {
  organizationId: string;
  organizationSlug: string;
}

export interface AuditVerification {
  organizations: number;
  events: number;
  /** The first bad event of the first broken organization (in slug order); undefined when all are intact. */
  broken: AuditTrailBreak | undefined;
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
 * end with the chain head. One REPEATABLE READ snapshot, so that appends while it runs do not look like damage.
 */
export async function verifyAuditTrail(
  db: Kysely<DB>,
  options: { organizationSlug?: string } = {},
): Promise<AuditVerification> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const audit = auditRepository(trx);
      const organizations = await audit.organizations(options.organizationSlug);
      if (options.organizationSlug !== undefined && organizations.length === 0) {
        throw new UnknownOrganizationError(options.organizationSlug);
      }
      let events = 0;
      for (const organization of organizations) {
        const verifier = createChainVerifier();
        let found: ChainBreak | undefined;
        let after = 0;
        for (;;) {
          const batch = await audit.eventsAfter(organization.id, after, batchSize);
          for (const event of batch) {
            found = verifier.next(event);
            if (found !== undefined) break;
          }
          const last = batch[batch.length - 1];
          if (found !== undefined || last === undefined) break;
          after = last.sequence;
        }
        found ??= verifier.finish(await audit.chainHead(organization.id));
        events += verifier.count;
        if (found !== undefined) {
          return {
            organizations: organizations.length,
            events,
            broken: { ...found, organizationId: organization.id, organizationSlug: organization.slug },
          };
        }
      }
      return { organizations: organizations.length, events, broken: undefined };
    });
}

/** The line `tandem audit verify` prints. */
export function describeVerification(result: AuditVerification): string {
  const { broken } = result;
  if (broken === undefined) {
    return `audit trail intact: ${result.events} events in ${result.organizations} organizations`;
  }
  const event =
    broken.id === null ? `sequence ${broken.sequence}` : `sequence ${broken.sequence} (id ${broken.id})`;
  return `audit trail broken in organization ${broken.organizationSlug} (${broken.organizationId}) at ${event}: ${broken.reason}, ${broken.detail}`;
}
