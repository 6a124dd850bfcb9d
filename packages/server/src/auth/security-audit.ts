import type { Kysely } from 'kysely';
import { appendAuditEvents, type NewAuditEvent } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { Principal } from '../identity/principal.ts';
import type { AccountMembership } from './repository.ts';

/**
 * Audit events of sign-in security: resource 'session' for sign-ins, failures, lockouts and ends of sessions;
 * 'user_account' for changes to a person's credentials (two-step verification, recovery codes, password).
 */
export interface SecurityEvent {
  action: string;
  resourceType: 'session' | 'user_account' | 'staff_member' | 'organization_settings';
  resourceId: string | null;
  outcome: 'allowed' | 'denied';
  reason?: string | null;
  fieldsChanged?: readonly string[] | null;
}

export interface RequestOrigin {
  ipAddress: string | null;
  userAgent: string | null;
}

export function securityEvent(
  actor: { userId: string | null; role: string },
  origin: RequestOrigin,
  event: SecurityEvent,
): NewAuditEvent {
  return {
    actorUserId: actor.userId,
    actorRole: actor.role,
    patientId: null,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    fieldsChanged: event.fieldsChanged ?? null,
    ipAddress: origin.ipAddress,
    userAgent: origin.userAgent,
    outcome: event.outcome,
    reason: event.reason ?? null,
  };
}

/**
 * For events about a person rather than one organization's record (a failed sign-in, a change of their own
 * credentials): one event in each organization they are an active member of, in one transaction.
 */
export async function auditForMemberships(
  db: Kysely<DB>,
  memberships: readonly AccountMembership[],
  origin: RequestOrigin,
  events: readonly SecurityEvent[],
): Promise<void> {
  if (memberships.length === 0 || events.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const membership of memberships) {
      await appendAuditEvents(
        trx,
        membership.organizationId,
        events.map((event) =>
          securityEvent({ userId: membership.userId, role: membership.role }, origin, event),
        ),
      );
    }
  });
}

/** One event in the organization the principal is working in, in its own transaction. */
export async function auditPrincipalEvent(
  db: Kysely<DB>,
  principal: Principal,
  origin: RequestOrigin,
  event: SecurityEvent,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await appendAuditEvents(trx, principal.organizationId, [
      securityEvent({ userId: principal.userId, role: principal.role }, origin, event),
    ]);
  });
}
