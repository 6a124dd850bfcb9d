import type { RecordContext } from '../records/record-context.ts';
import type { AccountChange, RecordKernel } from '../records/unit-of-work.ts';
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

/** A security event as the record kernel audits it: about the person, never a patient. */
export function securityChange(event: SecurityEvent): AccountChange {
  return {
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    fieldsChanged: event.fieldsChanged ?? null,
    patientId: null,
    outcome: event.outcome,
    reason: event.reason ?? null,
  };
}

/** The organizations that record a person's own events: each one they are an active member of, with its role. */
export function membershipAudiences(memberships: readonly AccountMembership[], origin: RequestOrigin) {
  return memberships.map((membership) => ({
    organizationId: membership.organizationId,
    actor: { actorUserId: membership.userId, actorRole: membership.role, ...origin },
  }));
}

/**
 * For events about a person rather than one organization's record (a failed sign-in, a change of their own
 * credentials): one event in each organization they are an active member of, in one transaction.
 */
export async function auditForMemberships(
  records: RecordKernel,
  memberships: readonly AccountMembership[],
  origin: RequestOrigin,
  events: readonly SecurityEvent[],
): Promise<void> {
  if (memberships.length === 0 || events.length === 0) return;
  await records.writeForAccount(membershipAudiences(memberships, origin), async ({ audit }) => {
    for (const event of events) audit(securityChange(event));
  });
}

/** One event in the organization the signed-in person is working in, in its own unit of work. */
export async function auditPrincipalEvent(
  records: RecordKernel,
  context: RecordContext,
  event: SecurityEvent,
): Promise<void> {
  await records.write(context, async ({ audit }) => audit(securityChange(event)));
}
