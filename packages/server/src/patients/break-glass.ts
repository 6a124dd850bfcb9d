import { DomainError, mayBreakGlass } from '@tandem/core';
import type { Kysely } from 'kysely';
import { loadPatientAccessFacts } from '../access/patient-relationship.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';
import type { RecordContext } from '../records/record-context.ts';
import { type RecordKernel, recordKernel } from '../records/unit-of-work.ts';
import { type BreakGlassRepository, breakGlassRepository } from './break-glass-repository.ts';

/**
 * Break-the-glass: a clinician outside the care team opens a record in an emergency. The grant, its reason and
 * its audit event (outcome break_glass, with the reason) are written together; supervisors see unreviewed
 * grants. A refusal is audited too.
 */
export function breakGlassService(records: RecordKernel, repository: BreakGlassRepository) {
  return {
    async open(
      context: RecordContext,
      patientId: string,
      reason: string,
    ): Promise<{ grantId: string; expiresAt: string }> {
      const { principal } = context;
      const { organizationId, userId, role } = principal;
      const facts = await loadPatientAccessFacts(records.db, organizationId, userId, patientId);
      if (facts === undefined) throw new DomainError('not_found', 'No such patient.');
      const decision = mayBreakGlass({ userId, organizationId, role }, organizationId, facts.relationship);
      const attempt = { resourceType: 'break_glass_grant', action: 'break_glass', patientId } as const;
      if (!decision.allowed) {
        // The refusal is committed on its own: the request fails, its trace stays.
        await records.write(context, async ({ audit }) => {
          audit({
            ...attempt,
            resourceId: null,
            fieldsChanged: null,
            outcome: 'denied',
            reason: decision.reason,
          });
        });
        throw new DomainError('forbidden', decision.reason);
      }
      return records.write(context, async ({ trx, audit }) => {
        const grant = await repository.insertGrant(trx, { organizationId, patientId, userId, reason });
        audit({ ...attempt, resourceId: grant.id, fieldsChanged: null, outcome: 'break_glass', reason });
        return { grantId: grant.id, expiresAt: grant.expiresAt.toISOString() };
      });
    },
  };
}

/**
 * Interim, while patients/routes.ts (another feature's move) still hands a WriteAudit instead of a RecordContext:
 * the actor is taken from the request's audit event, which also marks the request audited as before.
 */
export function breakTheGlass(
  db: Kysely<DB>,
  principal: Principal,
  patientId: string,
  reason: string,
  audit: WriteAudit,
): Promise<{ grantId: string; expiresAt: string }> {
  const { actorUserId, actorRole, ipAddress, userAgent } = audit({
    resourceType: 'break_glass_grant',
    resourceId: null,
    fieldsChanged: null,
  });
  const context: RecordContext = {
    principal,
    access: null,
    actor: { actorUserId, actorRole, ipAddress, userAgent },
  };
  return breakGlassService(recordKernel(db), breakGlassRepository()).open(context, patientId, reason);
}
