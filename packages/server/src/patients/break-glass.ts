import { breakGlassMinutes, DomainError, mayBreakGlass } from '@tandem/core';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { loadPatientAccessFacts } from '../access/patient-relationship.ts';
import { appendAuditEvents } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { WriteAudit } from '../http/authorization.ts';
import type { Principal } from '../identity/principal.ts';

/**
 * Break-the-glass: a clinician outside the care team opens a record in an emergency. The grant, its reason and
 * its audit event (outcome break_glass, with the reason) are written together; supervisors see unreviewed
 * grants. A refusal is audited too.
 */
export async function breakTheGlass(
  db: Kysely<DB>,
  principal: Principal,
  patientId: string,
  reason: string,
  audit: WriteAudit,
): Promise<{ grantId: string; expiresAt: string }> {
  const facts = await loadPatientAccessFacts(db, principal.organizationId, principal.userId, patientId);
  if (facts === undefined) throw new DomainError('not_found', 'No such patient.');
  const decision = mayBreakGlass(
    { userId: principal.userId, organizationId: principal.organizationId, role: principal.role },
    principal.organizationId,
    facts.relationship,
  );
  if (!decision.allowed) {
    const refusal = audit({ resourceType: 'break_glass_grant', resourceId: null, fieldsChanged: null });
    await db
      .transaction()
      .execute((trx) =>
        appendAuditEvents(trx, principal.organizationId, [
          { ...refusal, action: 'break_glass', outcome: 'denied', reason: decision.reason },
        ]),
      );
    throw new DomainError('forbidden', decision.reason);
  }
  return db.transaction().execute(async (trx) => {
    const grant = await trx
      .insertInto('breakGlassGrants')
      .values({
        organizationId: principal.organizationId,
        patientId,
        userId: principal.userId,
        reason,
        expiresAt: sql<Date>`now() + make_interval(mins => ${breakGlassMinutes})`,
      })
      .returning(['id', 'expiresAt'])
      .executeTakeFirstOrThrow();
    const event = audit({ resourceType: 'break_glass_grant', resourceId: grant.id, fieldsChanged: null });
    await appendAuditEvents(trx, principal.organizationId, [
      { ...event, action: 'break_glass', outcome: 'break_glass', reason },
    ]);
    return { grantId: grant.id, expiresAt: grant.expiresAt.toISOString() };
  });
}
