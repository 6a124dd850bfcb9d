import type { SignedAuditCheckpoint } from '@tandem/core/audit/audit-checkpoint';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.generated.ts';
import { canonicalTime } from './repository.ts';

export interface UncheckpointedHead {
  organizationId: string;
  lastSequence: number;
  lastHash: string;
}

/** The only SQL of audit checkpoints (migration 0011). */
export function checkpointRepository(db: Kysely<DB> | Transaction<DB>) {
  return {
    /** Chain heads that moved past their organization's last checkpoint (or have none yet). */
    async headsAwaitingCheckpoint(organizationId?: string): Promise<UncheckpointedHead[]> {
      let query = db
        .selectFrom('auditChainHeads as head')
        .select(['head.organizationId', 'head.lastSequence', 'head.lastHash'])
        .where('head.lastSequence', '>', (eb) =>
          eb.fn.coalesce(
            eb
              .selectFrom('auditCheckpoints as checkpoint')
              .select((inner) => inner.fn.max('checkpoint.sequence').as('sequence'))
              .whereRef('checkpoint.organizationId', '=', 'head.organizationId'),
            sql<number>`0`,
          ),
        )
        .orderBy('head.organizationId');
      if (organizationId !== undefined) query = query.where('head.organizationId', '=', organizationId);
      const rows = await query.execute();
      return rows.map((row) => ({ ...row, lastSequence: Number(row.lastSequence) }));
    },

    /** Keeps the first checkpoint of a head: false when another process signed it already. */
    async insert(checkpoint: SignedAuditCheckpoint): Promise<boolean> {
      const inserted = await db
        .insertInto('auditCheckpoints')
        .values({
          organizationId: checkpoint.organizationId,
          sequence: checkpoint.sequence,
          headHash: checkpoint.headHash,
          signedAt: checkpoint.signedAt,
          keyId: checkpoint.keyId,
          signature: checkpoint.signature,
        })
        .onConflict((conflict) => conflict.columns(['organizationId', 'sequence']).doNothing())
        .returning('sequence')
        .executeTakeFirst();
      return inserted !== undefined;
    },

    /** Checkpoints in organization and sequence order, their times in the canonical form that was signed. */
    async list(organizationId?: string): Promise<SignedAuditCheckpoint[]> {
      let query = db
        .selectFrom('auditCheckpoints')
        .select(['organizationId', 'sequence', 'headHash', 'keyId', 'signature'])
        .select(canonicalTime(sql.ref('signedAt')).as('signedAt'))
        .orderBy('organizationId')
        .orderBy('sequence');
      if (organizationId !== undefined) query = query.where('organizationId', '=', organizationId);
      const rows = await query.execute();
      return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
    },
  };
}
