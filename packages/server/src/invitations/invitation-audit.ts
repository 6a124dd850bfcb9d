import type { DomainError } from '@tandem/core';
import type { Kysely } from 'kysely';
import { appendAuditEvents, type NewAuditEvent } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { Principal } from '../identity/principal.ts';

/** Where a request came from, for the audit trail. */
export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

/** An audit event of the principal's about an invitation (or, with resourceType, what it created). */
export function invitationAuditEvent(
  principal: Principal,
  origin: RequestOrigin,
  event: Pick<NewAuditEvent, 'action' | 'resourceId' | 'patientId' | 'fieldsChanged'> &
    Partial<Pick<NewAuditEvent, 'resourceType' | 'outcome' | 'reason'>>,
): NewAuditEvent {
  return {
    actorUserId: principal.userId,
    actorRole: principal.role,
    resourceType: 'invitation',
    outcome: 'allowed',
    reason: null,
    ...origin,
    ...event,
  };
}

/**
 * A refusal on a patient's record is audited in its own transaction before the error leaves; an unknown
 * patient (or another organization's) is answered 404 and audited without the id it named.
 */
export async function auditRefusal(
  db: Kysely<DB>,
  principal: Principal,
  origin: RequestOrigin,
  patientId: string,
  action: string,
  error: DomainError,
): Promise<never> {
  const known = error.code !== 'not_found';
  await db.transaction().execute((trx) =>
    appendAuditEvents(trx, principal.organizationId, [
      invitationAuditEvent(principal, origin, {
        action,
        resourceId: null,
        patientId: known ? patientId : null,
        fieldsChanged: null,
        outcome: 'denied',
        reason: error.message,
      }),
    ]),
  );
  throw error;
}
