import type { AccessBasis, Action, OrganizationResource, PatientResource } from '@tandem/core';
import type { ActiveConsent } from '../access/patient-relationship.ts';
import type { NewAuditEvent } from '../audit/repository.ts';
import type { Principal } from '../identity/principal.ts';

/** What the access policy decided for one request; the unit of work audits writes with it. */
export interface AccessGrant {
  resource: OrganizationResource | PatientResource;
  action: Action;
  /** The patient whose record the request touches (none for organization resources and lists). */
  patientId: string | null;
  basis: AccessBasis;
  /** Outside the treating program: the consents it is made under, for the accounting of disclosures. */
  isDisclosure: boolean;
  consents: ActiveConsent[];
  /** Until when the caller's break-the-glass grant on this patient lasts, if they hold one. */
  breakGlassExpiresAt: Date | null;
  /** Set once the request's audit event is written (a unit of work does it in its transaction). */
  audited: boolean;
  /** A read's audit event, being written while the handler runs; the response waits for it. */
  auditWritten: Promise<void> | null;
  /**
   * A list read's rows, set by its handler: which parts of whose record it returned. The read is audited once per
   * patient and resource before the response leaves (or once without a patient when it returned nobody).
   */
  listed: ListedPatientRead[] | null;
}

export interface ListedPatientRead {
  patientId: string;
  reads: readonly { resource: PatientResource; basis: AccessBasis }[];
}

/** Who did it, from where: the part of every audit event that comes from the request. */
export type AuditActor = Pick<
  NewAuditEvent,
  'actorUserId' | 'actorRole' | 'actorName' | 'ipAddress' | 'userAgent'
>;

/**
 * Everything a service needs to know about the request it serves, and nothing of HTTP: who is acting, in which
 * organization, what the access policy decided (null on routes that any signed-in person may call, which touch
 * only the caller's own things), and the actor its audit events name. Routes build it (http/record-context.ts);
 * jobs and the CLI build one for the system.
 */
export interface RecordContext {
  principal: Principal;
  access: AccessGrant | null;
  actor: AuditActor;
}

/**
 * One organization that records a person's own security event when there is no principal yet (a sign-in, a
 * failed one, a lockout): the person is a member there, and the event names their role in it.
 */
export interface AccountAudience {
  organizationId: string;
  actor: AuditActor;
}

/** The context's organization: every statement a service runs is scoped by it. */
export const organizationOf = (context: RecordContext): string => context.principal.organizationId;

/** The nil UUID: no person. Never stored as a user id (system changes record a null actor). */
const nobody = '00000000-0000-0000-0000-000000000000';

/**
 * The context of work Tandem does by itself (escalating unacknowledged alerts, raising overdue follow-ups): it
 * acts with the program's authority, and its audit events name the actor role `system` and no user.
 */
export function systemContext(organizationId: string, job: string): RecordContext {
  return {
    principal: {
      userId: nobody,
      sessionId: job,
      name: 'Tandem',
      email: '',
      organizationId,
      role: 'admin',
      staffMemberId: null,
      language: 'en',
    },
    access: null,
    actor: { actorUserId: null, actorRole: 'system', ipAddress: null, userAgent: job },
  };
}
