import {
  type AccessBasis,
  type AccessDecision,
  type Action,
  actions,
  DomainError,
  decideAccess,
  isPatientResource,
  type OrganizationResource,
  organizationResources,
  type PatientResource,
  patientListScope,
  patientResources,
} from '@tandem/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { type ActiveConsent, loadPatientAccessFacts } from '../access/patient-relationship.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { NewAuditEvent } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import type { Principal } from '../identity/principal.ts';

/**
 * Every route declares who may call it (`config.access`), and one hook enforces it before any handler runs:
 * public, any signed-in user, or what the access policy (packages/core/src/access) decides for the resource and
 * action the route touches. A route that declares nothing is refused (fail closed); a test enumerates the routes.
 *
 * Routes on one patient's record name the path parameter that holds the patient id; the hook loads the caller's
 * relationship to that patient (care team, subject, consent, break-the-glass) in one query and asks the policy.
 * List routes over patients (`patient: 'list'`) filter in SQL by patientListScope, and the handler decides each
 * row's fields with the policy (decidePatientListRow). Every decision on a policy route is audited: refusals at
 * once, reads before the response leaves (a list read once per patient and resource it returned), writes in the
 * write's own transaction.
 */
export interface OrganizationRoutePolicy {
  resource: OrganizationResource;
  action: Action;
}

export interface PatientRoutePolicy {
  resource: PatientResource;
  action: Action;
  /** The path parameter holding the patient id, or 'list' for a route over many patients. */
  patient: { param: string } | 'list';
}

export type RoutePolicy = OrganizationRoutePolicy | PatientRoutePolicy;
export type RouteAccess = 'public' | 'signed-in' | RoutePolicy;

/** What the hook decided for this request; services read it and write routes audit with it. */
export interface RequestAccess {
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
  /** Set once the request's audit event is written (a write route does it in its transaction). */
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

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    access: RequestAccess | null;
  }
}

export function isDeclaredAccess(access: unknown): access is RouteAccess {
  if (access === 'public' || access === 'signed-in') return true;
  if (typeof access !== 'object' || access === null) return false;
  const { resource, action } = access as Partial<RoutePolicy>;
  if (!(actions as readonly unknown[]).includes(action)) return false;
  if ((organizationResources as readonly unknown[]).includes(resource)) return !('patient' in access);
  if (!(patientResources as readonly unknown[]).includes(resource)) return false;
  const patient = (access as Partial<PatientRoutePolicy>).patient;
  return patient === 'list' || (typeof patient === 'object' && typeof patient?.param === 'string');
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw new DomainError('unauthenticated', 'Sign in to continue.');
  return request.principal;
}

/** The access the hook granted; a handler of a policy route can rely on it. */
export function requireAccess(request: FastifyRequest): RequestAccess {
  if (request.access === null) throw new Error('requireAccess on a route without a policy');
  return request.access;
}

/** Who, from where: the part of an audit event that comes from the request. */
export function auditActor(
  request: FastifyRequest,
): Pick<NewAuditEvent, 'actorUserId' | 'actorRole' | 'ipAddress' | 'userAgent'> {
  const userAgent = request.headers['user-agent'];
  return {
    actorUserId: request.principal?.userId ?? null,
    actorRole: request.principal?.role ?? 'anonymous',
    ipAddress: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 512) : null,
  };
}

/**
 * The audit event a write route appends in its own transaction (appendAuditEvents), built from what the hook
 * decided; marks the request audited so that the hook does not write a second one.
 */
export function writeAuditEvent(
  request: FastifyRequest,
  change: { resourceType: string; resourceId: string | null; fieldsChanged: readonly string[] | null },
): NewAuditEvent {
  const access = requireAccess(request);
  access.audited = true;
  return {
    ...auditActor(request),
    patientId: access.patientId,
    action: access.action,
    resourceType: change.resourceType,
    resourceId: change.resourceId,
    fieldsChanged: change.fieldsChanged,
    outcome: access.basis === 'break_glass' ? 'break_glass' : 'allowed',
    reason: null,
  };
}

/** Builds a write's audit event once the write knows what it changed (see writeAuditEvent). */
export type WriteAudit = (change: {
  resourceType: string;
  resourceId: string | null;
  fieldsChanged: readonly string[] | null;
}) => NewAuditEvent;

export function writeAudit(request: FastifyRequest): WriteAudit {
  return (change) => writeAuditEvent(request, change);
}

export interface AuthorizerOptions {
  db: Kysely<DB>;
  audit: AuditWriter;
  now?: () => Date;
}

export function createAuthorizer({ db, audit, now = () => new Date() }: AuthorizerOptions) {
  async function refuse(
    request: FastifyRequest,
    principal: Principal,
    policy: RoutePolicy,
    patientId: string | null,
    error: DomainError,
  ): Promise<never> {
    await audit.record(principal.organizationId, {
      ...auditActor(request),
      patientId,
      action: policy.action,
      resourceType: policy.resource,
      resourceId: resourceIdOf(request),
      fieldsChanged: null,
      outcome: 'denied',
      reason: error.message,
    });
    throw error;
  }

  /**
   * The authorization hook: decides, audits refusals, and leaves the grant on the request. An allowed read's
   * audit event starts being written now, while the handler runs; the response waits for it (auditResponse).
   */
  async function authorize(request: FastifyRequest): Promise<void> {
    await decide(request);
    const access = request.access;
    const principal = request.principal;
    if (access === null || principal === null || access.action !== 'read') return;
    // A list read is audited per patient once its handler knows whom it returned (auditResponse).
    if (isListRead(request)) return;
    access.audited = true;
    const written = audit.record(principal.organizationId, auditedAccess(request, access));
    // Awaited in auditResponse; this only keeps a failure from counting as unhandled before then.
    written.catch(() => {});
    access.auditWritten = written;
  }

  async function decide(request: FastifyRequest): Promise<void> {
    const access = request.routeOptions.config.access;
    if (!isDeclaredAccess(access)) throw new DomainError('forbidden', 'This route declares no access rule.');
    if (access === 'public') return;
    const principal = requirePrincipal(request);
    if (access === 'signed-in') return;
    const asked = {
      userId: principal.userId,
      organizationId: principal.organizationId,
      role: principal.role,
    };
    const grant = (decision: AccessDecision & { allowed: true }, patientId: string | null) => {
      request.access = {
        resource: access.resource,
        action: access.action,
        patientId,
        basis: decision.basis,
        isDisclosure: decision.isDisclosure,
        consents: [],
        breakGlassExpiresAt: null,
        audited: false,
        auditWritten: null,
        listed: null,
      };
    };

    if (
      'patient' in access &&
      access.patient === 'list' &&
      access.resource === 'patient_demographics' &&
      access.action === 'read'
    ) {
      // Every role may list some patients (patientListScope): which ones, the route's SQL decides, and what each
      // row carries, the policy per patient (decidePatientListRow). Registering a new patient (create over the
      // list) is no such read: the policy decides it by role below.
      const scope = patientListScope(principal.role);
      grant(
        {
          allowed: true,
          basis: scope === 'self' ? 'subject' : scope === 'consenting' ? 'consent' : 'organization_role',
          isDisclosure: false,
        },
        null,
      );
      return;
    }
    if (!isPatientResource(access.resource) || !('patient' in access) || access.patient === 'list') {
      const decision = decideAccess({
        principal: asked,
        request: {
          action: access.action,
          resource: access.resource,
          organizationId: principal.organizationId,
        },
        now: now(),
      });
      if (!decision.allowed)
        return refuse(request, principal, access, null, new DomainError('forbidden', decision.reason));
      grant(decision, null);
      return;
    }

    const patientId = (request.params as Record<string, unknown>)[access.patient.param];
    if (typeof patientId !== 'string' || !uuidPattern.test(patientId)) {
      throw new DomainError('invalid_input', 'Not a patient id.', {
        fieldErrors: [{ path: `params.${access.patient.param}`, message: 'Not a patient id' }],
      });
    }
    const facts = await loadPatientAccessFacts(db, principal.organizationId, principal.userId, patientId);
    if (facts === undefined) {
      // Another organization's patient looks exactly like one that does not exist; the attempt is audited.
      return refuse(request, principal, access, null, new DomainError('not_found', 'No such patient.'));
    }
    const decision = decideAccess({
      principal: asked,
      request: { action: access.action, resource: access.resource, organizationId: principal.organizationId },
      relationship: facts.relationship,
      now: now(),
    });
    if (!decision.allowed) {
      return refuse(request, principal, access, patientId, new DomainError('forbidden', decision.reason));
    }
    request.access = {
      resource: access.resource,
      action: access.action,
      patientId,
      basis: decision.basis,
      isDisclosure: decision.isDisclosure,
      consents: decision.isDisclosure ? facts.consents : [],
      breakGlassExpiresAt: facts.relationship.breakGlassExpiresAt,
      audited: false,
      auditWritten: null,
      listed: null,
    };
  }

  /**
   * The onSend hook: a read's response leaves only once its audit event is committed (a failure to audit fails
   * the request). A write route appends its event in its own transaction; a successful one that did not is
   * audited here rather than not at all, and the omission is logged.
   */
  async function auditResponse(request: FastifyRequest, reply: FastifyReply): Promise<void> {
    const access = request.access;
    const principal = request.principal;
    if (access === null || principal === null) return;
    if (access.auditWritten !== null) {
      await access.auditWritten;
      return;
    }
    if (isListRead(request) && !access.audited) {
      access.audited = true;
      await Promise.all(
        listReadEvents(request, access, reply.statusCode).map((event) =>
          audit.record(principal.organizationId, event),
        ),
      );
      return;
    }
    if (access.audited || reply.statusCode >= 400) return;
    access.audited = true;
    request.log.warn({ route: request.routeOptions.url }, 'write route did not audit in its transaction');
    await audit.record(principal.organizationId, auditedAccess(request, access));
  }

  return { authorize, auditResponse };
}

export type Authorizer = ReturnType<typeof createAuthorizer>;

function auditedAccess(request: FastifyRequest, access: RequestAccess): NewAuditEvent {
  return {
    ...auditActor(request),
    patientId: access.patientId,
    action: access.action,
    resourceType: access.resource,
    resourceId: resourceIdOf(request),
    fieldsChanged: null,
    outcome: access.basis === 'break_glass' ? 'break_glass' : 'allowed',
    reason: null,
  };
}

function isListRead(request: FastifyRequest): boolean {
  const access = request.routeOptions.config.access;
  return (
    typeof access === 'object' && 'patient' in access && access.patient === 'list' && access.action === 'read'
  );
}

/**
 * One event per patient and resource a list returned, all recorded at once so that they join one batch (one
 * statement); a list that returned nobody (an empty search, a refused filter) is one event without a patient.
 */
function listReadEvents(request: FastifyRequest, access: RequestAccess, status: number): NewAuditEvent[] {
  const listed = status < 400 ? (access.listed ?? []) : [];
  if (listed.length === 0) {
    const refused = status === 403;
    return [
      {
        ...auditedAccess(request, access),
        outcome: refused ? 'denied' : 'allowed',
        reason: refused ? 'A filter or search on what the caller may not read.' : null,
      },
    ];
  }
  return listed.flatMap((row) =>
    row.reads.map(
      ({ resource, basis }): NewAuditEvent => ({
        ...auditActor(request),
        patientId: row.patientId,
        action: 'read',
        resourceType: resource,
        resourceId: null,
        fieldsChanged: null,
        outcome: basis === 'break_glass' ? 'break_glass' : 'allowed',
        reason: null,
      }),
    ),
  );
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The id a route's path names (its last uuid parameter), for the audit event; never a body or query value. */
function resourceIdOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  if (params === undefined) return null;
  const ids = Object.values(params).filter(
    (value): value is string => typeof value === 'string' && uuidPattern.test(value),
  );
  return ids.at(-1) ?? null;
}
