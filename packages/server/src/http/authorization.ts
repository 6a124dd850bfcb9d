import { defineMessages } from '@formatjs/intl';
import {
  type AccessDecision,
  type Action,
  DomainError,
  decideAccess,
  decidePatientList,
  invitationAccessResource,
  isPatientResource,
  type OrganizationResource,
  type PatientResource,
  type ResourceKind,
  scopedPatientListResources,
} from '@tandem/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { patientOwning } from '../access/patient-owner-repository.ts';
import { loadPatientAccessFacts } from '../access/patient-relationship.ts';
import { type RecordTargetKind, recordTarget } from '../access/record-target-repository.ts';
import type { AuditWriter } from '../audit/audit-writer.ts';
import type { NewAuditEvent } from '../audit/repository.ts';
import type { DB } from '../db/schema.generated.ts';
import { type NoValues, withValues } from '../i18n/error-message.ts';
import type { Principal } from '../identity/principal.ts';
import type { AccessGrant, ListedPatientRead } from '../records/record-context.ts';
import { auditActor, requirePrincipal } from './record-context.ts';
import { isDeclaredAccess, type OrganizationRoutePolicy, type RecordRoutePolicy } from './route-policy.ts';

export { requirePrincipal };

const errors = defineMessages<{
  noAccessRule: NoValues;
  notIdDetail: { what: 'patient' | 'record' };
  notId: { what: 'patient' | 'record' };
  noSuchRecord: NoValues;
  noSuchPatient: NoValues;
}>({
  noAccessRule: { id: 'http.errors.noAccessRule', defaultMessage: 'This route declares no access rule.' },
  notIdDetail: {
    id: 'http.errors.notIdDetail',
    defaultMessage: 'Not {what, select, patient {a patient id} other {a record id}}.',
  },
  notId: {
    id: 'http.errors.notId',
    defaultMessage: 'Not {what, select, patient {a patient id} other {a record id}}',
  },
  noSuchRecord: { id: 'http.errors.noSuchRecord', defaultMessage: 'No such record.' },
  noSuchPatient: { id: 'http.errors.noSuchPatient', defaultMessage: 'No such patient.' },
});

/** What the hook decided for this request; services read it (as their context's access) and audit with it. */
export type RequestAccess = AccessGrant;
export type { ListedPatientRead };

/** The access the hook granted; a handler of a policy route can rely on it. */
export function requireAccess(request: FastifyRequest): RequestAccess {
  if (request.access === null) throw new Error('requireAccess on a route without a policy');
  return request.access;
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
    asked: { resource: ResourceKind | RecordTargetKind; action: Action },
    patientId: string | null,
    error: DomainError,
  ): Promise<never> {
    await audit.record(principal.organizationId, {
      ...auditActor(request),
      patientId,
      action: auditedAction(request, asked.action),
      resourceType: asked.resource,
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
    if (access === null || principal === null || auditedAction(request, access.action) !== 'read') return;
    // A list read is audited per patient once its handler knows whom it returned (auditResponse).
    if (isListRead(request)) return;
    // A read of one record on a patient's record (an episode) may name another patient's record: only the
    // handler finds out, so its event waits for the answer (auditResponse) to say whether anything was shown.
    if (namesRecordOnPatient(request, access)) return;
    // The handler's unit of work audits this read with what it read; auditResponse covers it if it did not.
    if (auditedInUnitOfWork(request)) return;
    access.audited = true;
    const written = audit.record(principal.organizationId, auditedAccess(request, access));
    // Awaited in auditResponse; this only keeps a failure from counting as unhandled before then.
    written.catch(() => {});
    access.auditWritten = written;
  }

  async function decide(request: FastifyRequest): Promise<void> {
    const access = request.routeOptions.config.access;
    if (!isDeclaredAccess(access)) throw new DomainError('forbidden', errors.noAccessRule);
    if (access === 'public') return;
    const principal = requirePrincipal(request);
    if (access === 'signed-in') return;
    const asked = {
      userId: principal.userId,
      organizationId: principal.organizationId,
      role: principal.role,
    };
    const grant = (
      decision: AccessDecision & { allowed: true },
      patientId: string | null,
      resource: OrganizationResource | PatientResource = (access as OrganizationRoutePolicy).resource,
    ) => {
      request.access = {
        resource,
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

    if ('record' in access) return decideOnRecord(request, principal, access, grant);
    if (
      'patient' in access &&
      access.patient === 'list' &&
      access.action === 'read' &&
      scopedPatientListResources.includes(access.resource)
    ) {
      // A list over patients (decidePatientList): which ones, the route's SQL decides by the decision's scope,
      // and what each row carries, the policy per patient (decidePatientListRow). Registering a new patient
      // (create over the list) is no such read, nor a work list kept by role (the overdue intake items): the
      // policy decides those by role below.
      const decision = decidePatientList(principal.role, access.resource);
      if (!decision.allowed) {
        return refuse(request, principal, access, null, new DomainError('forbidden', decision.message));
      }
      grant({ allowed: true, basis: decision.basis, isDisclosure: false }, null);
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
        return refuse(request, principal, access, null, new DomainError('forbidden', decision.message));
      grant(decision, null);
      return;
    }

    const named = (request.params as Record<string, unknown>)[access.patient.param];
    const owner = access.patient.owner;
    if (typeof named !== 'string' || !uuidPattern.test(named)) {
      const what = owner === undefined ? 'patient' : 'record';
      throw new DomainError('invalid_input', withValues(errors.notIdDetail, { what }), {
        fieldErrors: [
          { path: `params.${access.patient.param}`, message: withValues(errors.notId, { what }) },
        ],
      });
    }
    const patientId =
      owner === undefined ? named : await patientOwning(db, owner, principal.organizationId, named);
    if (patientId === undefined) {
      return refuse(request, principal, access, null, noSuchRecord());
    }
    const facts = await loadPatientAccessFacts(db, principal.organizationId, principal.userId, patientId);
    if (facts === undefined) {
      // Another organization's patient looks exactly like one that does not exist; the attempt is audited.
      return refuse(request, principal, access, null, new DomainError('not_found', errors.noSuchPatient));
    }
    const decision = decideAccess({
      principal: asked,
      request: { action: access.action, resource: access.resource, organizationId: principal.organizationId },
      relationship: facts.relationship,
      now: now(),
    });
    if (!decision.allowed) {
      return refuse(request, principal, access, patientId, new DomainError('forbidden', decision.message));
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
   * A route on a record named by its id (RecordRoutePolicy): what the record is and whose, then the policy's
   * decision on the resource it stands for. None in the caller's organization answers 404 and names no patient.
   */
  async function decideOnRecord(
    request: FastifyRequest,
    principal: Principal,
    policy: RecordRoutePolicy,
    grant: (
      decision: AccessDecision & { allowed: true },
      patientId: string | null,
      resource: OrganizationResource | PatientResource,
    ) => void,
  ): Promise<void> {
    const { param, kind } = policy.record;
    const named = (request.params as Record<string, unknown>)[param];
    if (typeof named !== 'string' || !uuidPattern.test(named)) {
      const what = 'record';
      throw new DomainError('invalid_input', withValues(errors.notIdDetail, { what }), {
        fieldErrors: [{ path: `params.${param}`, message: withValues(errors.notId, { what }) }],
      });
    }
    const target = await recordTarget(db, kind, principal.organizationId, named);
    if (target === undefined) {
      return refuse(request, principal, { resource: kind, action: policy.action }, null, noSuchRecord());
    }
    const asked = invitationAccessResource(target.invitationKind, policy.action);
    // A refusal is audited as what was attempted (withdrawing), on the resource it was refused on.
    const attempted = { resource: asked.resource, action: policy.action };
    const question = {
      principal: { userId: principal.userId, organizationId: principal.organizationId, role: principal.role },
      request: { action: asked.action, resource: asked.resource, organizationId: principal.organizationId },
      now: now(),
    };
    if (target.patientId === null) {
      const decision = decideAccess(question);
      if (!decision.allowed) {
        return refuse(request, principal, attempted, null, new DomainError('forbidden', decision.message));
      }
      return grant(decision, null, asked.resource);
    }
    const facts = await loadPatientAccessFacts(
      db,
      principal.organizationId,
      principal.userId,
      target.patientId,
    );
    if (facts === undefined) {
      return refuse(request, principal, { resource: kind, action: policy.action }, null, noSuchRecord());
    }
    const decision = decideAccess({ ...question, relationship: facts.relationship });
    if (!decision.allowed) {
      return refuse(
        request,
        principal,
        attempted,
        target.patientId,
        new DomainError('forbidden', decision.message),
      );
    }
    grant(decision, target.patientId, asked.resource);
  }

  /**
   * The onSend hook: a read's response leaves only once its audit event is committed (a failure to audit fails
   * the request). A write route appends its event in its own transaction; a successful one that did not is
   * audited here rather than not at all, and the omission is logged. A request the hook allowed that found
   * nothing (404: a record of another patient or organization named through this one) is audited as denied,
   * with the answer's reason: it was not the access the event would otherwise claim.
   */
  async function auditResponse(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<void> {
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
    if (access.audited) return;
    if (reply.statusCode === 404) {
      access.audited = true;
      await audit.record(principal.organizationId, {
        ...auditedAccess(request, access),
        outcome: 'denied',
        reason: problemDetail(payload) ?? 'Not found.',
      });
      return;
    }
    if (reply.statusCode >= 400) return;
    access.audited = true;
    if (auditedAction(request, access.action) !== 'read') {
      request.log.warn({ route: request.routeOptions.url }, 'write route did not audit in its transaction');
    }
    await audit.record(principal.organizationId, auditedAccess(request, access));
  }

  return { authorize, auditResponse };
}

export type Authorizer = ReturnType<typeof createAuthorizer>;

function auditedAccess(request: FastifyRequest, access: RequestAccess): NewAuditEvent {
  return {
    ...auditActor(request),
    patientId: access.patientId,
    action: auditedAction(request, access.action),
    resourceType: access.resource,
    resourceId: resourceIdOf(request),
    fieldsChanged: null,
    outcome: access.basis === 'break_glass' ? 'break_glass' : 'allowed',
    reason: null,
  };
}

/** Whether the request's path names a record on the patient's record besides the patient (an episode id). */
function namesRecordOnPatient(request: FastifyRequest, access: RequestAccess): boolean {
  const resourceId = resourceIdOf(request);
  return access.patientId !== null && resourceId !== null && resourceId !== access.patientId;
}

/** The `detail` of a problem+json answer: written by Tandem for the client, so fit for the audit trail. */
function problemDetail(payload: unknown): string | undefined {
  if (typeof payload !== 'string') return undefined;
  try {
    const detail = (JSON.parse(payload) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail.slice(0, 500) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What the audit trail says the request did. A GET changes nothing, so it is a read whatever permission its route
 * asks for (the staff candidates take the right to invite staff, yet reading them is a read).
 */
function auditedAction(request: FastifyRequest, action: Action): Action {
  return request.method === 'GET' || request.method === 'HEAD' ? 'read' : action;
}

const noSuchRecord = () => new DomainError('not_found', errors.noSuchRecord);

function auditedInUnitOfWork(request: FastifyRequest): boolean {
  const access = request.routeOptions.config.access;
  return typeof access === 'object' && 'audit' in access && access.audit === 'unit-of-work';
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
